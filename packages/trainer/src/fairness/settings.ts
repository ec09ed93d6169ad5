/**
 * A training's fairness settings (`--sensitive` and the gate's fairness rules) as its MLflow run
 * records them (params), and read back: by the monitor's retraining and by `champion promote`,
 * so a retrained or promoted version is assessed and gated under the rules its training had.
 * Params, not tags: they are settings of the run and never change.
 */
import { z } from 'zod';
import { TrainerError } from '../errors.js';
import type { FairnessRules } from './rules.js';

/** What a training ran under; empty `sensitive` and no rules when it had none. */
export interface FairnessSettings {
  readonly sensitive: readonly string[];
  readonly rules: FairnessRules;
}

/** The run params that hold each setting. */
export const FAIRNESS_PARAMS = {
  sensitive: 'sensitive',
  maxEqualizedOddsDiff: 'gate_max_equalized_odds_diff',
  maxDemographicParityDiff: 'gate_max_demographic_parity_diff',
  minDemographicParityRatio: 'gate_min_demographic_parity_ratio',
} as const;

const RULE_KEYS = [
  'maxEqualizedOddsDiff',
  'maxDemographicParityDiff',
  'minDemographicParityRatio',
] as const;

/** The params to log for a training's settings; none for a training without them. */
export function fairnessParams(settings: {
  sensitive?: readonly string[] | undefined;
  rules?: FairnessRules | undefined;
}): Record<string, string> {
  const params: Record<string, string> = {};
  const sensitive = settings.sensitive ?? [];
  if (sensitive.length > 0) params[FAIRNESS_PARAMS.sensitive] = sensitive.join(',');
  for (const key of RULE_KEYS) {
    const value = settings.rules?.[key];
    if (value !== undefined) params[FAIRNESS_PARAMS[key]] = String(value);
  }
  return params;
}

const ruleValue = z.coerce.number().refine(Number.isFinite, 'expected a finite number');
const columnName = z.string().min(1).max(1000);

/**
 * The settings a run's params record (as MLflow gives them back: untrusted text). Throws
 * TrainerError('CONFIG') naming the param when one is not what training writes.
 */
export function readFairnessSettings(
  params: ReadonlyMap<string, string>,
  run: string,
): FairnessSettings {
  const text = params.get(FAIRNESS_PARAMS.sensitive);
  const sensitive = text === undefined ? [] : text.split(',').filter((s) => s !== '');
  const bad = (param: string, problem: string): TrainerError =>
    new TrainerError('CONFIG', `run ${run}: param '${param}' ${problem}`);
  if (!z.array(columnName).max(100).safeParse(sensitive).success)
    throw bad(FAIRNESS_PARAMS.sensitive, 'is not a list of at most 100 column names');
  const rules: { -readonly [K in keyof FairnessRules]: FairnessRules[K] } = {};
  for (const key of RULE_KEYS) {
    const value = params.get(FAIRNESS_PARAMS[key]);
    if (value === undefined) continue;
    const parsed = ruleValue.safeParse(value);
    if (!parsed.success) throw bad(FAIRNESS_PARAMS[key], `is '${value}', not a number`);
    rules[key] = parsed.data;
  }
  return { sensitive, rules };
}
