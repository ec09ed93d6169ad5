/** Metrics of how well scores rank positives above negatives; thresholds do not matter here. */
import { requireBothClasses, thresholdCounts } from './counts.js';
import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';

/** ROC points from the strictest threshold down; point 0 is (0, 0) at threshold +Infinity. */
export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  readonly thresholds: Float64Array;
}

/** PR points from the strictest threshold down; point 0 is (recall 0, precision 1) at +Infinity. */
export interface PrCurve {
  readonly recall: Float64Array;
  readonly precision: Float64Array;
  readonly thresholds: Float64Array;
}

/** ROC curve at every distinct score (predicted positive iff score >= threshold). */
export function rocCurve(input: ScoredLabels): RocCurve {
  const counts = thresholdCounts(input);
  requireBothClasses(counts, 'The ROC curve');
  const m = counts.thresholds.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = Infinity;
  for (let k = 0; k < m; k++) {
    fpr[k + 1] = (counts.falsePositives[k] ?? 0) / counts.negativeWeight;
    tpr[k + 1] = (counts.truePositives[k] ?? 0) / counts.positiveWeight;
    thresholds[k + 1] = counts.thresholds[k] ?? 0;
  }
  return { fpr, tpr, thresholds };
}

/**
 * Area under the ROC curve by the trapezoid rule over distinct scores, which equals the
 * probability that a random positive outscores a random negative, ties counting one half.
 */
export function rocAuc(input: ScoredLabels): number {
  const { fpr, tpr } = rocCurve(input);
  let area = 0;
  for (let k = 1; k < fpr.length; k++) {
    area += ((fpr[k] ?? 0) - (fpr[k - 1] ?? 0)) * ((tpr[k] ?? 0) + (tpr[k - 1] ?? 0)) * 0.5;
  }
  return area;
}

/** Precision-recall curve at every distinct score. */
export function prCurve(input: ScoredLabels): PrCurve {
  const counts = thresholdCounts(input);
  if (!(counts.positiveWeight > 0)) {
    throw new TrainerError(
      'DATA',
      'The precision-recall curve is undefined without positive rows; evaluate on data with positives.',
    );
  }
  const m = counts.thresholds.length;
  const recall = new Float64Array(m + 1);
  const precision = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  precision[0] = 1;
  thresholds[0] = Infinity;
  for (let k = 0; k < m; k++) {
    const tp = counts.truePositives[k] ?? 0;
    const predicted = tp + (counts.falsePositives[k] ?? 0);
    recall[k + 1] = tp / counts.positiveWeight;
    // A threshold whose predicted positives all weigh 0 has no precision; 1 keeps the curve monotone-friendly.
    precision[k + 1] = predicted > 0 ? tp / predicted : 1;
    thresholds[k + 1] = counts.thresholds[k] ?? 0;
  }
  return { recall, precision, thresholds };
}

/**
 * Average precision, scikit-learn's PR AUC: sum over thresholds of (recall gain) x precision,
 * a step function with no interpolation.
 */
export function averagePrecision(input: ScoredLabels): number {
  const { recall, precision } = prCurve(input);
  let ap = 0;
  for (let k = 1; k < recall.length; k++)
    ap += ((recall[k] ?? 0) - (recall[k - 1] ?? 0)) * (precision[k] ?? 0);
  return ap;
}

/** Kolmogorov–Smirnov statistic: the largest gap between TPR and FPR over all thresholds. */
export function ksStatistic(input: ScoredLabels): number {
  const { fpr, tpr } = rocCurve(input);
  let ks = 0;
  for (let k = 0; k < fpr.length; k++) ks = Math.max(ks, Math.abs((tpr[k] ?? 0) - (fpr[k] ?? 0)));
  return ks;
}
