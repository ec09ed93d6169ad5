/** What went wrong while provisioning or running the MLflow server; a closed set callers can switch on. */
export type MlflowServerErrorCode =
  | 'REPO_ROOT_NOT_FOUND'
  | 'CONDA_YAML_INVALID'
  | 'PYTHON_NOT_FOUND'
  | 'PYTHON_TOO_OLD'
  | 'VENV_FAILED'
  | 'PIP_FAILED'
  | 'LOCK_TIMEOUT'
  | 'PORT_IN_USE'
  | 'SERVER_EXITED'
  | 'HEALTH_TIMEOUT';

/** The one error class of `@champion/mlflow-server`; `message` always says what to do next. */
export class MlflowServerError extends Error {
  override readonly name = 'MlflowServerError';
  readonly code: MlflowServerErrorCode;

  constructor(code: MlflowServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `err` is an {@link MlflowServerError}, optionally with the given code. */
export function isMlflowServerError(
  err: unknown,
  code?: MlflowServerErrorCode,
): err is MlflowServerError {
  return err instanceof MlflowServerError && (code === undefined || err.code === code);
}
