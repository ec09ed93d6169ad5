export { calibrationSvg, type CalibrationPlotOptions } from './calibration.js';
export { confusionMatrixSvg, type ConfusionPlotOptions } from './confusion.js';
export { prCurveSvg, rocCurveSvg, type PrPlotOptions, type RocPlotOptions } from './curves.js';
export {
  featureImportanceSvg,
  type FeatureImportance,
  type ImportancePlotOptions,
} from './importance.js';
export { escapeXml } from './svg.js';
