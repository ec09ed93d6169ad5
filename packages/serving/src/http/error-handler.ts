import type { Request } from 'express';
import * as kit from '@champion/http-kit';
import { dialectOf, errorBody } from './error-body.js';
import { ServingHttpError } from './errors.js';
import type { Logger } from './logger.js';
import { httpStatusOf } from './status.js';
import { toHttpError } from './to-http-error.js';

/** What a 503 MODEL_NOT_READY tells a client to wait before retrying (a swap or start-up is short). */
const RETRY_AFTER_SECONDS = 1;

/** Unknown paths and methods end here, in the same error format as everything else. */
export const notFound: (req: Request) => never = kit.notFound(
  (message) => new ServingHttpError({ code: 'NOT_FOUND', message }),
);

/** How serving answers a failure: its errors, statuses, Retry-After and body dialects. */
function errorOptions(options: {
  logger: Logger;
  maxBodyBytes: number;
}): kit.ErrorHandlerOptions<ServingHttpError> {
  return {
    logger: options.logger,
    toError: (err) => toHttpError(err, options),
    statusOf: (error) => httpStatusOf(error.code),
    headers: (error): Record<string, string> =>
      error.code === 'MODEL_NOT_READY' ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {},
    body: ({ error, status, requestId, path }) =>
      errorBody({ error, status, requestId, dialect: dialectOf(path) }),
  };
}

/**
 * The last middleware (http-kit's): logs the failure (with stack, server-side only) and sends
 * the error body in the dialect of the request's path.
 */
export function errorHandler(options: { logger: Logger; maxBodyBytes: number }) {
  return kit.errorHandler(errorOptions(options));
}

/** The same answer to a failure, for handlers outside express (the direct lane). */
export function errorResponder(options: {
  logger: Logger;
  maxBodyBytes: number;
}): (err: unknown, exchange: kit.ErrorExchange) => void {
  return kit.errorResponder(errorOptions(options));
}
