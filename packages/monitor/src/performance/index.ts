export {
  NO_LABEL,
  PerformanceAccumulator,
  type PerformanceRows,
  type ServedRow,
} from './accumulator.js';
export {
  CBPE_NOTE,
  estimatedPerformance,
  type EstimatedPerformance,
  type ScoredRows,
} from './estimated.js';
export { PerformanceError, type PerformanceErrorCode } from './errors.js';
export {
  describeFigure,
  expectedCalibrationError,
  labelFigures,
  type Figure,
  type Insufficient,
  type LabelFigureOptions,
  type LabelFigures,
  type LabelledRows,
  type Measured,
} from './figures.js';
export {
  DEFAULT_CALIBRATION_BINS,
  DEFAULT_MIN_LABELS,
  performanceReport,
  type PerformanceOptions,
  type PerformanceReport,
  type WindowPerformance,
} from './report.js';
export { performanceMetrics } from './metrics.js';
export { parseWindow, windowIndex } from './window.js';
