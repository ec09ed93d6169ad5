/** The errors @champion/serving raises, with a closed set of codes (the HTTP layer maps them). */
import { MlflowError } from 'mlflow-js-client';

export type ServingErrorCode =
  /** The model folder is unusable: unreadable files, a schema that does not match the ONNX graph. */
  | 'MODEL_INVALID'
  /** No model is loaded yet (MLflow unreachable and nothing cached, or still loading). */
  | 'NOT_READY'
  /** A batch whose columns do not match the serving model's features. */
  | 'BAD_BATCH'
  /** onnxruntime failed while scoring. */
  | 'SCORING_FAILED'
  /** The host was stopped. */
  | 'STOPPED';

export class ServingError extends Error {
  override readonly name = 'ServingError';
  readonly code: ServingErrorCode;

  constructor(code: ServingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
