/**
 * Exact attributions of the logistic regression: its raw score is a sum of one term per feature
 * column (a numeric column's scaled, imputed value times its weight; a categorical column's
 * one-hot weights, of which one applies), so with the features taken as independent each
 * column's Shapley value is its term minus the term's mean over the training rows, and the base
 * value is the intercept plus those means. Contributions then add up to raw score − base.
 */
import type { ExplainerFile } from './explainer-file.js';

type LinearFile = Extract<ExplainerFile, { kind: 'linear' }>;
type Term = LinearFile['terms'][number];

export interface Linear {
  readonly featureCount: number;
  readonly intercept: number;
  readonly terms: readonly Term[];
  /** intercept + Σ term means. */
  readonly baseValue: number;
}

export function buildLinear(file: LinearFile): Linear {
  const baseValue = file.terms.reduce((sum, t) => sum + t.expected, file.intercept);
  return {
    featureCount: file.features.length,
    intercept: file.intercept,
    terms: file.terms,
    baseValue,
  };
}

/** The value of one term for a feature value `x` (NaN = missing or unseen). */
function termValue(term: Term, x: number): number {
  if (term.type === 'numeric') {
    const value = Number.isNaN(x) ? term.impute : x;
    return (term.weight * (value - term.mean)) / term.scale;
  }
  return (Number.isInteger(x) ? term.weights[x] : undefined) ?? term.missing_weight;
}

/** Writes row `x`'s contributions into `phi` (one slot per feature); returns the raw score. */
export function linearShap(options: {
  linear: Linear;
  x: Float64Array;
  phi: Float64Array;
}): number {
  const { linear, x, phi } = options;
  let raw = linear.intercept;
  for (const term of linear.terms) {
    const value = termValue(term, x[term.feature] ?? NaN);
    raw += value;
    phi[term.feature] = (phi[term.feature] ?? 0) + value - term.expected;
  }
  return raw;
}
