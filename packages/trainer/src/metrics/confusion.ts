/** Metrics of hard decisions: a row is predicted positive iff its probability >= threshold. */
import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';
import { checkInput } from './input.js';

/** Weighted counts (row counts when there are no weights). */
export interface ConfusionMatrix {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly trueNegative: number;
  readonly falseNegative: number;
}

export interface ClassificationMetrics {
  readonly accuracy: number;
  /** 0 when nothing is predicted positive (scikit-learn's zero_division=0). */
  readonly precision: number;
  /** 0 when there are no positives. */
  readonly recall: number;
  /** 0 when precision and recall are both 0. */
  readonly f1: number;
}

/** What each kind of error costs, in any unit (e.g. currency); both non-negative. */
export interface ErrorCosts {
  readonly falseNegative: number;
  readonly falsePositive: number;
}

export interface ExpectedCost {
  readonly total: number;
  /** `total` divided by the total row weight. */
  readonly perRow: number;
}

export interface ThresholdInput extends ScoredLabels {
  /** @default 0.5 */
  readonly threshold?: number;
}

export function confusionMatrix(input: ThresholdInput): ConfusionMatrix {
  const weightOf = checkInput(input);
  const threshold = input.threshold ?? 0.5;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < input.labels.length; i++) {
    const w = weightOf(i);
    const predicted = (input.probs[i] ?? 0) >= threshold;
    if (input.labels[i] === 1) {
      if (predicted) tp += w;
      else fn += w;
    } else if (predicted) fp += w;
    else tn += w;
  }
  return { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn };
}

/** Accuracy, precision, recall and F1 from a confusion matrix. */
export function classificationMetrics(m: ConfusionMatrix): ClassificationMetrics {
  const total = m.truePositive + m.falsePositive + m.trueNegative + m.falseNegative;
  const predictedPositive = m.truePositive + m.falsePositive;
  const actualPositive = m.truePositive + m.falseNegative;
  const f1Denominator = 2 * m.truePositive + m.falsePositive + m.falseNegative;
  return {
    accuracy: total > 0 ? (m.truePositive + m.trueNegative) / total : 0,
    precision: predictedPositive > 0 ? m.truePositive / predictedPositive : 0,
    recall: actualPositive > 0 ? m.truePositive / actualPositive : 0,
    f1: f1Denominator > 0 ? (2 * m.truePositive) / f1Denominator : 0,
  };
}

export function checkCosts(costs: ErrorCosts): void {
  for (const [name, value] of Object.entries(costs)) {
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new TrainerError(
        'CONFIG',
        `Cost ${name}=${String(value)} must be a finite non-negative number.`,
      );
    }
  }
}

/** Cost of the errors a confusion matrix makes. */
export function costOf(m: ConfusionMatrix, costs: ErrorCosts): ExpectedCost {
  checkCosts(costs);
  const total = m.falseNegative * costs.falseNegative + m.falsePositive * costs.falsePositive;
  const weight = m.truePositive + m.falsePositive + m.trueNegative + m.falseNegative;
  return { total, perRow: weight > 0 ? total / weight : 0 };
}

/** Expected cost of deciding at `threshold`, in total and per row. */
export function expectedCost(input: ThresholdInput & { readonly costs: ErrorCosts }): ExpectedCost {
  return costOf(confusionMatrix(input), input.costs);
}
