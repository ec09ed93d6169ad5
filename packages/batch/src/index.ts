export { BatchError, type BatchErrorCode } from './errors.js';
export { ScoringWorkerPool } from './scorer.js';
export {
  defaultScoringWorkers,
  scoreBatch,
  type BatchProgress,
  type BatchSummary,
  type ScoreBatchOptions,
  type StageSeconds,
} from './score-batch.js';
export { parseShard, SHARD_BLOCK_ROWS, type Shard } from './shard.js';
export { expandInput } from './inputs.js';
export {
  resolveBatchModel,
  type BatchModel,
  type ResolveBatchModelOptions,
} from './model-source.js';
export { toFeatureBatch } from './feature-batch.js';
