/**
 * Picks the decision threshold on validation data by scanning every distinct score once
 * (O(n log n) for the sort, O(n) for the scan).
 */
import type { ConfusionMatrix, ErrorCosts } from './confusion.js';
import { checkCosts, classificationMetrics, costOf } from './confusion.js';
import { thresholdCounts } from './counts.js';
import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';

export interface ChooseThresholdOptions extends ScoredLabels {
  /** `'f1'` maximises F1; `'cost'` minimises expected cost under `costs`. */
  readonly objective: 'f1' | 'cost';
  /** Required for `'cost'`. */
  readonly costs?: ErrorCosts;
}

export interface ThresholdChoice {
  /** Predict positive iff probability >= threshold. */
  readonly threshold: number;
  readonly objective: 'f1' | 'cost';
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  /** Total and per-row cost at the threshold; present when costs were given. */
  readonly cost?: { readonly total: number; readonly perRow: number };
  readonly confusion: ConfusionMatrix;
}

/**
 * Chooses among "everything negative" and "positive iff score >= s" for each distinct score s.
 * The returned threshold sits halfway between the chosen score and the next lower one, so scores
 * that shift slightly (float32 vs float64, a retrained model) fall on the same side. Ties go to
 * the highest threshold.
 */
export function chooseThreshold(options: ChooseThresholdOptions): ThresholdChoice {
  const { objective, costs } = options;
  if (objective === 'cost' && costs === undefined) {
    throw new TrainerError(
      'CONFIG',
      "Threshold objective 'cost' needs costs {falseNegative, falsePositive}.",
    );
  }
  if (costs !== undefined) checkCosts(costs);
  const counts = thresholdCounts(options);
  const { thresholds, truePositives, falsePositives, positiveWeight, negativeWeight } = counts;
  if (thresholds.length === 0) {
    throw new TrainerError('DATA', 'Cannot choose a threshold from no rows.');
  }
  const score = (tp: number, fp: number): number => {
    if (objective === 'f1') {
      const denominator = tp + fp + positiveWeight;
      return denominator > 0 ? (2 * tp) / denominator : 0;
    }
    // Negated so that larger is better for both objectives.
    return -(
      (positiveWeight - tp) * (costs?.falseNegative ?? 0) +
      fp * (costs?.falsePositive ?? 0)
    );
  };
  // k = -1 stands for "everything negative".
  let best = -1;
  let bestScore = score(0, 0);
  for (let k = 0; k < thresholds.length; k++) {
    const s = score(truePositives[k] ?? 0, falsePositives[k] ?? 0);
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  const highest = thresholds[0] ?? 0;
  let threshold: number;
  if (best < 0) threshold = highest < 1 ? (highest + 1) / 2 : highest + 1;
  else {
    const chosen = thresholds[best] ?? 0;
    const below = thresholds[best + 1];
    threshold = below === undefined ? (chosen > 0 ? chosen / 2 : chosen) : (chosen + below) / 2;
  }
  const tp = best < 0 ? 0 : (truePositives[best] ?? 0);
  const fp = best < 0 ? 0 : (falsePositives[best] ?? 0);
  const confusion: ConfusionMatrix = {
    truePositive: tp,
    falsePositive: fp,
    trueNegative: negativeWeight - fp,
    falseNegative: positiveWeight - tp,
  };
  const { f1, precision, recall } = classificationMetrics(confusion);
  const base = { threshold, objective, f1, precision, recall, confusion };
  return costs === undefined ? base : { ...base, cost: costOf(confusion, costs) };
}
