export {
  minimizeLbfgs,
  type LbfgsOptions,
  type LbfgsResult,
  type LbfgsStopReason,
  type Objective,
} from './lbfgs.js';
export type { Logger } from './logger.js';
export {
  logRegParamsSchema,
  parseLogRegParams,
  type LogRegParams,
  type LogRegParamsInput,
} from './params.js';
export { predictProba } from './predict.js';
export { trainLogReg, type TrainLogRegOptions } from './train.js';
