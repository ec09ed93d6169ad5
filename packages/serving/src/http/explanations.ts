/**
 * Explanations as the API answers them (POST /explain, /predict?explain=true): per record the
 * base value, one contribution per feature (log-odds, named as the model's features), their sum
 * `log_odds` and `probability` = sigmoid(log_odds) in double precision. /predict's probability
 * is the same number rounded to float32 by the scoring engine.
 */
import type { BatchExplanations, ServedModel } from '@champion/runtime';
import { ServingHttpError } from './errors.js';

export interface Explanation {
  /** Expected log-odds over the training data: where every record's contributions start. */
  base_value: number;
  /** Feature name → its contribution to this record's log-odds. */
  contributions: Record<string, number>;
  /** base_value + Σ contributions: the record's log-odds. */
  log_odds: number;
  /** sigmoid(log_odds). */
  probability: number;
}

/** The explanation of row `row` of a batch scored by `model`. */
export function explanationAt(options: {
  model: ServedModel;
  value: BatchExplanations;
  row: number;
}): Explanation {
  const { model, value, row } = options;
  const count = model.features.length;
  let logOdds = value.baseValue;
  // fromEntries defines own properties: a feature named like `__proto__` stays a plain key.
  const contributions: Record<string, number> = Object.fromEntries(
    model.features.map((feature, f) => {
      const c = value.contributions[row * count + f] ?? NaN;
      logOdds += c;
      return [feature.name, c];
    }),
  );
  return {
    base_value: value.baseValue,
    contributions,
    log_odds: logOdds,
    probability: 1 / (1 + Math.exp(-logOdds)),
  };
}

/** 409 for a model that has no explanations (trained before champion saved explanation data). */
export function explanationsUnavailable(model: ServedModel, reason: string): ServingHttpError {
  return new ServingHttpError({
    code: 'EXPLANATIONS_UNAVAILABLE',
    message: `Model ${model.name} version ${model.version} cannot explain its predictions: ${reason}. POST /predict still scores it.`,
  });
}

/** The `explain` query parameter: absent, true/1 or false/0; anything else is a 400. */
export function explainRequested(query: unknown): boolean {
  const value = (query as Record<string, unknown> | undefined)?.['explain'];
  if (value === undefined) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ServingHttpError({
    code: 'INVALID_REQUEST',
    message: 'The explain query parameter must be true or false (once).',
    details: [{ path: 'query.explain', problem: `got ${JSON.stringify(value)}` }],
  });
}
