/**
 * The HTTP layer's one error class. Every failure a client can see is a `ServingHttpError` with
 * a code from a closed union; the status comes from `httpStatusOf` (status.ts), the body from
 * error-body.ts. Unknown errors are converted at the boundary (error-handler.ts) and never leak
 * their message or stack.
 */

import type { ProblemDetail } from '@champion/http-kit';

/** What went wrong, as clients see it in `error.code`. */
export type HttpErrorCode =
  | 'MALFORMED_BODY'
  | 'INVALID_REQUEST'
  | 'INVALID_RECORDS'
  | 'BODY_TOO_LARGE'
  | 'BATCH_TOO_LARGE'
  | 'LINE_TOO_LONG'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHORIZED'
  | 'ADMIN_DISABLED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'MODEL_NOT_READY'
  | 'LABELS_REJECTED'
  | 'FEEDBACK_UNAVAILABLE'
  | 'EXPLANATIONS_UNAVAILABLE'
  | 'INTERNAL';

/** One bad field: where it is in the request and what is wrong with it (http-kit's shape). */
export type { ProblemDetail };

export interface ServingHttpErrorOptions {
  readonly code: HttpErrorCode;
  readonly message: string;
  readonly details?: readonly ProblemDetail[];
  readonly cause?: unknown;
}

/** A failure with a client-facing code, message and per-field details. */
export class ServingHttpError extends Error {
  override readonly name = 'ServingHttpError';
  readonly code: HttpErrorCode;
  readonly details: readonly ProblemDetail[];

  constructor(options: ServingHttpErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.details = options.details ?? [];
  }
}

/** Shorthand for a request whose shape (not its field values) is wrong. */
export function invalidRequest(
  message: string,
  details?: readonly ProblemDetail[],
): ServingHttpError {
  return new ServingHttpError({
    code: 'INVALID_REQUEST',
    message,
    ...(details ? { details } : {}),
  });
}
