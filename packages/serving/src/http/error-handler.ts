import type { NextFunction, Request, Response } from 'express';
import { dialectOf, errorBody } from './error-body.js';
import { ServingHttpError } from './errors.js';
import type { Logger } from './logger.js';
import { requestIdOf } from './middleware/request-id.js';
import { httpStatusOf } from './status.js';
import { toHttpError } from './to-http-error.js';

/** What a 503 MODEL_NOT_READY tells a client to wait before retrying (a swap or start-up is short). */
const RETRY_AFTER_SECONDS = 1;

/** Unknown paths and methods end here, in the same error format as everything else. */
export function notFound(req: Request): never {
  throw new ServingHttpError({
    code: 'NOT_FOUND',
    message: `No endpoint ${req.method} ${req.path}; see /docs for the API.`,
  });
}

/** The last middleware: logs the failure (with stack, server-side only) and sends the error body. */
export function errorHandler(options: { logger: Logger; maxBodyBytes: number }) {
  const { logger } = options;
  // eslint-disable-next-line max-params -- express recognises error middleware by its arity
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const error = toHttpError(err, options);
    const status = httpStatusOf(error.code);
    const requestId = requestIdOf(res);
    if (error.code === 'INTERNAL') {
      logger.error('request failed', {
        requestId,
        method: req.method,
        path: req.path,
        error:
          err instanceof Error
            ? { name: err.name, message: err.message, stack: err.stack }
            : String(err),
      });
    } else if (status >= 500) {
      logger.warn('request refused', {
        requestId,
        path: req.path,
        code: error.code,
        message: error.message,
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error.code === 'UNAUTHORIZED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (error.code === 'MODEL_NOT_READY') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(status).json(errorBody({ error, status, requestId, dialect: dialectOf(req.path) }));
  };
}
