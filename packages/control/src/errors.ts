/**
 * The control service's one error class: a closed union of codes, each mapped to one HTTP status
 * here (the one place), with per-field details. Unknown errors become INTERNAL at the boundary
 * (http/error-handler.ts) and never leak their message or stack.
 */

import type { ProblemDetail } from '@champion/http-kit';

export type ControlErrorCode =
  | 'MALFORMED_BODY'
  | 'INVALID_REQUEST'
  | 'INVALID_DATA'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHORIZED'
  | 'CONTROL_READ_ONLY'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'JOB_FINISHED'
  | 'SHUTTING_DOWN'
  | 'INTERNAL';

const STATUS: Readonly<Record<ControlErrorCode, number>> = {
  MALFORMED_BODY: 400,
  INVALID_REQUEST: 400,
  INVALID_DATA: 422,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  CONTROL_READ_ONLY: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  JOB_FINISHED: 409,
  SHUTTING_DOWN: 503,
  INTERNAL: 500,
};

/** The one place an error code becomes an HTTP status. */
export function httpStatusOf(code: ControlErrorCode): number {
  return STATUS[code];
}

/** One bad field: where it is in the request and what is wrong with it (http-kit's shape). */
export type { ProblemDetail };

export class ControlError extends Error {
  override readonly name = 'ControlError';
  readonly code: ControlErrorCode;
  readonly details: readonly ProblemDetail[];

  constructor(options: {
    code: ControlErrorCode;
    message: string;
    details?: readonly ProblemDetail[];
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.details = options.details ?? [];
  }
}
