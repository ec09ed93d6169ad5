/**
 * Differences between groups, as fairlearn defines them (fairlearn.metrics
 * demographic_parity_difference / _ratio, equalized_odds_difference with agg='worst_case'):
 * max − min selection rate; min / max selection rate; the larger of the TPR and FPR ranges.
 * Like fairlearn (scikit-learn's confusion matrix normalised by true class), a group without
 * positives counts its TPR as 0 there, and one without negatives its FPR as 0, although the
 * per-group figures report them as null.
 */
import type { GroupRates } from './rates.js';

/** The four-fifths rule: a demographic parity ratio below this is flagged. */
export const DEMOGRAPHIC_PARITY_FLAG_BELOW = 0.8;

export interface Disparities {
  readonly demographic_parity_difference: number;
  readonly demographic_parity_ratio: number | null;
  readonly demographic_parity_flag: boolean;
  readonly equalized_odds_difference: number;
}

function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function disparities(groups: readonly GroupRates[]): Disparities {
  if (groups.length === 0) {
    return {
      demographic_parity_difference: 0,
      demographic_parity_ratio: null,
      demographic_parity_flag: false,
      equalized_odds_difference: 0,
    };
  }
  const selection = range(groups.map((g) => g.selection_rate));
  const tpr = range(groups.map((g) => g.tpr ?? 0));
  const fpr = range(groups.map((g) => g.fpr ?? 0));
  // No group ever selected: fairlearn's 0/0 (NaN); nothing to flag.
  const ratio = selection.max > 0 ? selection.min / selection.max : null;
  return {
    demographic_parity_difference: selection.max - selection.min,
    demographic_parity_ratio: ratio,
    demographic_parity_flag: ratio !== null && ratio < DEMOGRAPHIC_PARITY_FLAG_BELOW,
    equalized_odds_difference: Math.max(tpr.max - tpr.min, fpr.max - fpr.min),
  };
}
