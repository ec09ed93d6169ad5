/**
 * The errors of serving's model host, with a closed set of codes (the HTTP layer maps them, and
 * the runtime's ModelError, in http/to-http-error.ts).
 */
import { MlflowError } from 'mlflow-js-client';

export type ServingErrorCode =
  /** No model is loaded yet (MLflow unreachable and nothing cached, or still loading). */
  | 'NOT_READY'
  /** The host was stopped (the server is shutting down). */
  | 'STOPPED';

export class ServingError extends Error {
  override readonly name = 'ServingError';
  readonly code: ServingErrorCode;

  constructor(code: ServingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * True when MLflow answered but the answer was refused (a path-like value that fails the identifier
 * rules, a listing past its limits, an untrusted artifact host): not an outage that heals itself,
 * so it is logged as an error, not a warning.
 */
export function isRefusedAnswer(error: unknown): error is MlflowError {
  return (
    error instanceof MlflowError &&
    (error.code === 'BAD_RESPONSE' ||
      error.code === 'LIMIT_EXCEEDED' ||
      error.code === 'UNTRUSTED_ORIGIN' ||
      error.code === 'INVALID_PARAMETER_VALUE')
  );
}
