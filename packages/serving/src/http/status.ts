import type { HttpErrorCode } from './errors.js';

const STATUS: Readonly<Record<HttpErrorCode, number>> = {
  MALFORMED_BODY: 400,
  INVALID_REQUEST: 400,
  INVALID_RECORDS: 422,
  BODY_TOO_LARGE: 413,
  BATCH_TOO_LARGE: 413,
  LINE_TOO_LONG: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  ADMIN_DISABLED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  MODEL_NOT_READY: 503,
  LABELS_REJECTED: 422,
  FEEDBACK_UNAVAILABLE: 503,
  // The model serves but cannot explain (trained before explanations): not retryable.
  EXPLANATIONS_UNAVAILABLE: 409,
  INTERNAL: 500,
};

/** The one place an error code becomes an HTTP status. */
export function httpStatusOf(code: HttpErrorCode): number {
  return STATUS[code];
}
