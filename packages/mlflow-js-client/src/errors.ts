/**
 * The one error class of this package. `code` comes from MLflow's `error_code` when the server
 * sent one (MLflow answers 400 for RESOURCE_ALREADY_EXISTS, so the HTTP status is not trusted);
 * the client-side codes cover what MLflow never says itself (auth pages, timeouts, bad bodies).
 */

/** Error codes MLflow's servers put in `error_code` (databricks.proto ErrorCode). */
export const MLFLOW_SERVER_ERROR_CODES = [
  'INTERNAL_ERROR',
  'TEMPORARILY_UNAVAILABLE',
  'IO_ERROR',
  'BAD_REQUEST',
  'INVALID_STATE',
  'NOT_IMPLEMENTED',
  'DEADLINE_EXCEEDED',
  'REQUEST_LIMIT_EXCEEDED',
  'RESOURCE_EXHAUSTED',
  'ABORTED',
  'CANCELLED',
  'DATA_LOSS',
  'RESOURCE_CONFLICT',
  'ALREADY_EXISTS',
  'NOT_FOUND',
  'ENDPOINT_NOT_FOUND',
  'RESOURCE_DOES_NOT_EXIST',
  'RESOURCE_ALREADY_EXISTS',
  'INVALID_PARAMETER_VALUE',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'CUSTOMER_UNAUTHORIZED',
  'FEATURE_DISABLED',
  'INVALID_STATE_TRANSITION',
] as const;

/** Codes only this client produces. */
export const CLIENT_ERROR_CODES = [
  /** No answer within the configured connect/request timeout or retry deadline. */
  'TIMEOUT',
  /** Connection refused/reset, DNS failure, or a 502/503/504 without an MLflow error body. */
  'UNAVAILABLE',
  /** The server answered something this client cannot read (not JSON, wrong shape). */
  'BAD_RESPONSE',
  /** An artifact URI whose scheme the artifact proxy cannot serve (s3://, file:, ...). */
  'UNSUPPORTED_ARTIFACT_URI',
  /**
   * A server answer exceeded a configured bound (listing depth or size, pages, body bytes):
   * the message names the limit and the option that raises it.
   */
  'LIMIT_EXCEEDED',
  /** A URL on an origin that is neither the tracking server's nor a trusted artifact origin. */
  'UNTRUSTED_ORIGIN',
  /** An error code this client does not know. */
  'UNKNOWN',
] as const;

export type MlflowServerErrorCode = (typeof MLFLOW_SERVER_ERROR_CODES)[number];
export type MlflowErrorCode = MlflowServerErrorCode | (typeof CLIENT_ERROR_CODES)[number];

/** Constructor options of {@link MlflowError}. */
export interface MlflowErrorOptions {
  code: MlflowErrorCode;
  message: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** `METHOD url` of the request, credentials never included. */
  endpoint?: string;
  /** The raw `error_code` string MLflow sent, if any. */
  serverErrorCode?: string;
  /** How many attempts were made before giving up (1 = no retry). */
  attempts?: number;
  cause?: unknown;
}

/** Any failure talking to MLflow or validating what is sent to it. */
export class MlflowError extends Error {
  override readonly name = 'MlflowError';
  readonly code: MlflowErrorCode;
  readonly status: number | undefined;
  readonly endpoint: string | undefined;
  readonly serverErrorCode: string | undefined;
  readonly attempts: number;

  constructor(options: MlflowErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.endpoint = options.endpoint;
    this.serverErrorCode = options.serverErrorCode;
    this.attempts = options.attempts ?? 1;
  }

  /** A copy with another code/message, keeping where it happened. */
  withCode(code: MlflowErrorCode, message?: string): MlflowError {
    return new MlflowError({
      code,
      message: message ?? this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.endpoint === undefined ? {} : { endpoint: this.endpoint }),
      ...(this.serverErrorCode === undefined ? {} : { serverErrorCode: this.serverErrorCode }),
      attempts: this.attempts,
      cause: this,
    });
  }
}

const SERVER_CODES: ReadonlySet<string> = new Set(MLFLOW_SERVER_ERROR_CODES);

/** Maps MLflow's `error_code` string onto the closed union; unknown strings become UNKNOWN. */
export function codeFromServerErrorCode(errorCode: string): MlflowErrorCode {
  return SERVER_CODES.has(errorCode) ? (errorCode as MlflowServerErrorCode) : 'UNKNOWN';
}

/**
 * Code for a response that carried no MLflow error body (a proxy page, the basic-auth app's text
 * answer): only then does the HTTP status decide.
 */
export function codeFromHttpStatus(status: number): MlflowErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'ENDPOINT_NOT_FOUND';
  if (status === 408 || status === 504) return 'TIMEOUT';
  if (status === 429) return 'REQUEST_LIMIT_EXCEEDED';
  if (status === 502 || status === 503) return 'UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_ERROR';
  if (status >= 400) return 'BAD_REQUEST';
  return 'BAD_RESPONSE';
}

function hasCode(err: unknown, codes: readonly MlflowErrorCode[]): boolean {
  return err instanceof MlflowError && codes.includes(err.code);
}

/** True for "the thing you asked for does not exist" (run, experiment, model, version, alias). */
export function isNotFound(err: unknown): err is MlflowError {
  return hasCode(err, ['RESOURCE_DOES_NOT_EXIST', 'NOT_FOUND']);
}

/** True when a create failed because the resource exists already. */
export function isAlreadyExists(err: unknown): err is MlflowError {
  return hasCode(err, ['RESOURCE_ALREADY_EXISTS', 'ALREADY_EXISTS']);
}

/**
 * True when the server's store refused a write because another write of the same key landed
 * first: two concurrent first "set tag" calls both insert, and the loser hits the unique
 * constraint (MLflow answers 400 with the database's message: SQLite's "UNIQUE constraint
 * failed", PostgreSQL's "duplicate key value violates unique constraint"). The row exists now, so
 * repeating an idempotent set succeeds.
 */
export function isConcurrentInsert(err: unknown): err is MlflowError {
  return (
    err instanceof MlflowError &&
    err.status === 400 &&
    /UNIQUE constraint failed|duplicate key value violates unique constraint/.test(err.message)
  );
}

/** True for missing or rejected credentials. */
export function isAuthError(err: unknown): err is MlflowError {
  return hasCode(err, ['UNAUTHENTICATED', 'PERMISSION_DENIED', 'CUSTOMER_UNAUTHORIZED']);
}

/** True when the server could not be reached or did not answer in time. */
export function isUnavailable(err: unknown): err is MlflowError {
  return hasCode(err, ['UNAVAILABLE', 'TIMEOUT', 'TEMPORARILY_UNAVAILABLE']);
}
