/**
 * @champion/runtime: a champion model folder loaded, checked and scored. It reads MLmodel,
 * champion/schema.json and model.onnx, checks the graph against the schema, creates the
 * onnxruntime session, warms it, scores feature batches (merging concurrent small ones), and
 * compiles tree ensembles to WebAssembly verified against onnxruntime before use. It knows
 * nothing of HTTP, MLflow aliases or files of rows: serving and batch build on it.
 */
export type * from './types.js';
export { ModelError, errorMessage, type ModelErrorCode } from './errors.js';
export { silentLogger, type Logger } from './logger.js';
export { loadModelDir, type LoadModelDirOptions } from './load-model-dir.js';
export { LoadedModel, type BatchingOptions } from './loaded-model.js';
export {
  chooseEngine,
  compileModel,
  verifyProgram,
  onnxruntimeEngine,
  type EnginePreference,
  type ScoringEngine,
} from './engine.js';
export { onnxSchemaProblems, type SchemaFeature } from './onnx-check.js';
export { SERVING_SESSION_OPTIONS, createSession } from './session.js';
export { assertBatchFits, type RawScores } from './onnx-runner.js';
export { syntheticBatch } from './warm-up.js';
export {
  MicroBatcher,
  type MicroBatcherOptions,
  type MicroBatcherStats,
} from './batching/micro-batcher.js';
export {
  compileGraph,
  instantiate,
  NotCompilable,
  treesOf,
  type CompiledProgram,
  type ScoreFunction,
} from './compiled/compile.js';
export { verifyCompiled } from './compiled/verify.js';
export {
  buildExplainer,
  explainBatch,
  loadExplainer,
  parseExplainerFile,
  verifyExplainer,
  ExplainerFileError,
  EXPLAINER_FILE,
  MAX_TREE_DEPTH,
  type BatchExplanations,
  type Explainer,
  type ExplainerFile,
  type ExplainerState,
} from './explain/index.js';
