export { calibrationCurve, type CalibrationBin, type CalibrationOptions } from './calibration.js';
export {
  classificationMetrics,
  confusionMatrix,
  costOf,
  expectedCost,
  type ClassificationMetrics,
  type ConfusionMatrix,
  type ErrorCosts,
  type ExpectedCost,
  type ThresholdInput,
} from './confusion.js';
export { thresholdCounts, type ThresholdCounts } from './counts.js';
export type { ScoredLabels } from './input.js';
export { brierScore, logLoss } from './probabilistic.js';
export {
  averagePrecision,
  ksStatistic,
  prCurve,
  rocAuc,
  rocCurve,
  type PrCurve,
  type RocCurve,
} from './ranking.js';
export { binaryMetrics, type BinaryMetricsOptions } from './summary.js';
export { chooseThreshold, type ChooseThresholdOptions, type ThresholdChoice } from './threshold.js';
