// The model a server serves is a runtime model: its type is part of serving's API.
export type { ModelHealth, ModelHost, ServedModel } from '@champion/runtime';
export { ServingError, type ServingErrorCode } from './model/errors.js';
export { ModelManager, type ModelManagerOptions, type CheckResult } from './model/model-manager.js';
export { openServingStore } from './inference-log/open-serving-store.js';

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
