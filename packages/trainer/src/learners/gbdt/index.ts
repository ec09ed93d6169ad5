/** Histogram gradient-boosted trees (LightGBM-style, binary log loss). */
export { trainGbdt, AUTO_PARALLEL_MIN_ROWS } from './train.js';
export type { TrainGbdtOptions, GbdtIterationInfo } from './train.js';
export { gbdtParamsSchema, parseGbdtParams } from './params.js';
export type { GbdtParams, GbdtParamsInput } from './params.js';
export { predictRaw, predictProba } from './predict.js';
export { featureImportance } from './importance.js';
export type { FeatureImportance } from './importance.js';
export { GbdtError } from './errors.js';
export type { GbdtErrorCode } from './errors.js';
export type { Logger as GbdtLogger } from './logger.js';
