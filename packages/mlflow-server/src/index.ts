/**
 * `@champion/mlflow-server`: provisions the MLflow server's Python venv from the pip pins of
 * `conda.yaml` and starts/stops `mlflow server` (embedded sqlite default, or any backend store).
 * It does not talk to MLflow's REST API beyond the health check: that is mlflow-js-client's job.
 */
export { MlflowServerError, isMlflowServerError, type MlflowServerErrorCode } from './errors.js';
export type { Logger } from './logger.js';
export { findRepoRoot } from './repo-root.js';
export { parsePipPins, readPipPins, pinsDigest } from './pins.js';
export {
  findPython,
  parsePythonVersion,
  type PythonInfo,
  type FindPythonOptions,
} from './python.js';
export {
  ensureVenv,
  checkVenv,
  venvPaths,
  STAMP_FILE,
  type EnsureVenvOptions,
  type MlflowVenv,
  type VenvState,
} from './venv.js';
export { withFileLock, type FileLockOptions } from './file-lock.js';
export { findFreePort, assertPortFree } from './port.js';
export {
  Wait,
  type ReadinessStrategy,
  type ReadinessTarget,
  type HttpWaitOptions,
} from './readiness.js';
export {
  buildServerArgs,
  embeddedStore,
  normalizeBackendStoreUri,
  sqliteUri,
  clientUrl,
  type MlflowServerArgs,
} from './server-args.js';
export { startMlflowServer, type StartMlflowServerOptions, type MlflowServer } from './server.js';
