/** What went wrong while fitting or applying a logistic regression. */
export type LogRegErrorCode = 'invalid_params' | 'invalid_dataset' | 'single_class';

/** Raised by the logistic-regression learner; `code` is a closed union so callers can branch on it. */
export class LogRegError extends Error {
  override readonly name = 'LogRegError';
  readonly code: LogRegErrorCode;

  constructor(options: { code: LogRegErrorCode; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
