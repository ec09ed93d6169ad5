/**
 * mlflow-js-client: a typed MLflow 3 REST client over undici with zod-validated responses.
 * Generic: it knows MLflow's resources, nothing of any application built on them.
 */
export { MlflowClient } from './client.js';
export type { MlflowClientOptions } from './config.js';
export { optionsFromEnv, parseTrackingUri } from './config.js';
export { authFromEnv, authorizationHeader } from './auth.js';
export type { AuthEnv, MlflowAuth } from './auth.js';
export { Secret } from './secret.js';
export type { Logger } from './logger.js';
export { silentLogger } from './logger.js';
export {
  MlflowError,
  MLFLOW_SERVER_ERROR_CODES,
  CLIENT_ERROR_CODES,
  codeFromHttpStatus,
  codeFromServerErrorCode,
  isAlreadyExists,
  isAuthError,
  isNotFound,
  isConcurrentInsert,
  isUnavailable,
} from './errors.js';
export type { MlflowErrorCode, MlflowErrorOptions, MlflowServerErrorCode } from './errors.js';
export { DEFAULT_RETRY, backoffDelayMs, isRetryableStatus, parseRetryAfter } from './http/retry.js';
export type { RetryOptions } from './http/retry.js';
export type { Page } from './pagination.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ClientLimits } from './limits.js';
export { TRUSTED_ORIGINS_ENV } from './http/origins.js';
export {
  artifactPathProblem,
  identifierProblem,
  identifierSchema,
  nameAsPathSegment,
  safeArtifactPath,
  validateIdentifier,
} from './identifiers.js';
export type { IdentifierKind } from './identifiers.js';
export { isInside, resolveInside } from './local-paths.js';

export { ExperimentsApi } from './tracking/experiments.js';
export type { CreateExperimentOptions } from './tracking/experiments.js';
export { RunsApi, PARENT_RUN_ID_TAG } from './tracking/runs.js';
export type { CreateRunOptions, SearchRunsOptions, UpdateRunOptions } from './tracking/runs.js';
export { DEFAULT_BATCH_LIMITS, planLogBatch } from './tracking/log-batch.js';
export type {
  BatchLimits,
  LogBatchInput,
  LogBatchRequest,
  MetricEntry,
  MetricInput,
} from './tracking/log-batch.js';
export { MLFLOW_LIMITS, validateKey } from './tracking/validation.js';
export { DATASET_CONTEXT_TAG } from './tracking/inputs.js';
export type { DatasetInputSpec, LogInputsOptions } from './tracking/inputs.js';
export type { MetricHistoryOptions } from './tracking/metrics.js';
export type {
  Dataset,
  DatasetInput,
  Experiment,
  Metric,
  Run,
  RunInfo,
  RunStatus,
} from './tracking/schemas.js';

export { ArtifactsApi } from './artifacts/artifacts.js';
export type {
  ArtifactFileInfo,
  DownloadOptions,
  ListArtifactsOptions,
  TransferSummary,
  UploadDirectoryOptions,
  UploadFileOptions,
} from './artifacts/artifacts.js';
export { ARTIFACTS_ROUTE, artifactRepoUrl, resolveMlflowArtifactsUri } from './artifacts/uri.js';

export { LoggedModelsApi } from './logged-models/logged-models.js';
export type {
  CreateLoggedModelOptions,
  FinalStatus,
  LogModelOptions,
  SearchLoggedModelsOptions,
} from './logged-models/logged-models.js';
export type { LoggedModel, LoggedModelStatus } from './logged-models/schemas.js';

export { RegistryApi } from './registry/registry.js';
export { RegisteredModelsApi } from './registry/registered-models.js';
export type {
  CreateRegisteredModelOptions,
  RegistrySearchOptions,
} from './registry/registered-models.js';
export { ModelVersionsApi } from './registry/model-versions.js';
export type {
  CreateModelVersionOptions,
  VersionRef,
  WaitOptions,
} from './registry/model-versions.js';
export { AliasesApi } from './registry/aliases.js';
export type { AliasRef } from './registry/aliases.js';
export type { ModelVersion, ModelVersionStatus, RegisteredModel } from './registry/schemas.js';

export { parseModelUri } from './model-uri.js';
export type { ModelUri, ResolvedModel } from './model-uri.js';
export {
  mlmodelSchema,
  parseMLmodel,
  readMLmodel,
  stringifyMLmodel,
  writeMLmodel,
} from './mlmodel.js';
export type { MLmodel } from './mlmodel.js';
