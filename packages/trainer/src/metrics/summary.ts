import type { ErrorCosts } from './confusion.js';
import { classificationMetrics, confusionMatrix, costOf } from './confusion.js';
import type { ScoredLabels } from './input.js';
import { brierScore, logLoss } from './probabilistic.js';
import { averagePrecision, ksStatistic, rocAuc } from './ranking.js';

export interface BinaryMetricsOptions extends ScoredLabels {
  /** Decision threshold for the hard-decision metrics. @default 0.5 */
  readonly threshold?: number;
  /** When given, adds `expected_cost` (per row) and `total_cost`. */
  readonly costs?: ErrorCosts;
}

/**
 * Every scalar metric at once, with snake_case names ready to log to MLflow. Needs both classes
 * (the ranking metrics are undefined otherwise).
 */
export function binaryMetrics(options: BinaryMetricsOptions): Record<string, number> {
  const confusion = confusionMatrix(options);
  const hard = classificationMetrics(confusion);
  const metrics: Record<string, number> = {
    roc_auc: rocAuc(options),
    pr_auc: averagePrecision(options),
    log_loss: logLoss(options),
    brier: brierScore(options),
    ks: ksStatistic(options),
    accuracy: hard.accuracy,
    precision: hard.precision,
    recall: hard.recall,
    f1: hard.f1,
    true_positive: confusion.truePositive,
    false_positive: confusion.falsePositive,
    true_negative: confusion.trueNegative,
    false_negative: confusion.falseNegative,
  };
  if (options.costs !== undefined) {
    const cost = costOf(confusion, options.costs);
    metrics.expected_cost = cost.perRow;
    metrics.total_cost = cost.total;
  }
  return metrics;
}
