export type * from './model/types.js';
export { ServingError, type ServingErrorCode } from './model/errors.js';
export { silentLogger, type Logger } from './model/logger.js';
export { ModelManager, type ModelManagerOptions, type CheckResult } from './model/model-manager.js';
export { loadModelDir, type LoadModelDirOptions } from './model/load-model-dir.js';
export { LoadedModel, type BatchingOptions } from './model/loaded-model.js';
export { onnxSchemaProblems, type SchemaFeature } from './model/onnx-check.js';
export { SERVING_SESSION_OPTIONS, createSession } from './model/session.js';
export { assertBatchFits, type RawScores } from './model/onnx-runner.js';
export {
  MicroBatcher,
  type MicroBatcherOptions,
  type MicroBatcherStats,
} from './batching/micro-batcher.js';
export { InferenceLog, type InferenceLogOptions } from './inference-log/inference-log.js';
export { batchRecords, type InferenceRecord, type FeatureValue } from './inference-log/record.js';
export { DEFAULT_INFERENCE_LOG_LIMITS, type InferenceLogLimits } from './inference-log/limits.js';

// HTTP layer and process composition.
export {
  loadServingConfig,
  servingEnvSchema,
  ServingConfigError,
  type ServingConfig,
} from './config.js';
export { createApp, type CreateAppOptions, type ServingApp } from './http/app.js';
export { ServingHttpError, type HttpErrorCode, type ProblemDetail } from './http/errors.js';
export { httpStatusOf } from './http/status.js';
export { noopSink, type InferenceSink } from './http/inference-sink.js';
export { ServingMetrics } from './http/metrics.js';
export { createServingState, type ServingState } from './http/state.js';
export { buildOpenApi } from './http/openapi/document.js';
export { createServingLogger } from './logger.js';
export {
  defaultHostFactory,
  startServer,
  type HostFactory,
  type HostFactoryDeps,
  type RunningServer,
  type StartServerOptions,
} from './server.js';
export type { ShutdownReport } from './shutdown.js';

// Batch scoring (`champion score`).
export * from './batch/index.js';
