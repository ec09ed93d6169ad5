/**
 * Errors to HTTP, in one place: a ControlError keeps its code; the trainer's option errors are
 * the client's (400); body-parser's say what was wrong with the body; anything else is INTERNAL,
 * logged with its stack and the request id, and answered without either.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'mlflow-js-client';
import { TrainerError } from '@champion/trainer';
import { ControlError, httpStatusOf } from '../errors.js';
import { requestIdOf } from './request-id.js';

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null
    ? (err as Record<string, unknown>)[name]
    : undefined;
}

export function toControlError(err: unknown): ControlError {
  if (err instanceof ControlError) return err;
  if (err instanceof TrainerError && err.code === 'CONFIG') {
    return new ControlError({ code: 'INVALID_REQUEST', message: err.message, cause: err });
  }
  const type = field(err, 'type');
  if (type === 'entity.too.large') {
    return new ControlError({
      code: 'BODY_TOO_LARGE',
      message: 'The request body is larger than this endpoint accepts.',
      cause: err,
    });
  }
  if (type === 'entity.parse.failed') {
    return new ControlError({
      code: 'MALFORMED_BODY',
      message: 'The request body is not valid JSON.',
      cause: err,
    });
  }
  const status = field(err, 'status');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ControlError({
      code: 'MALFORMED_BODY',
      message: 'The request body could not be read as sent.',
      cause: err,
    });
  }
  return new ControlError({
    code: 'INTERNAL',
    message: 'The server failed to handle this request; quote the request id when reporting it.',
    cause: err,
  });
}

export function notFound(req: Request): never {
  throw new ControlError({
    code: 'NOT_FOUND',
    message: `No endpoint ${req.method} ${req.path}; see /docs for the API.`,
  });
}

/** The last middleware: logs the failure and sends `{error: {code, message, details, requestId}}`. */
export function errorHandler(logger: Logger) {
  // eslint-disable-next-line max-params -- express recognises error middleware by its arity
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const error = toControlError(err);
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
    } else {
      logger.info('request refused', {
        requestId,
        path: req.path,
        code: error.code,
        reason: error.message,
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error.code === 'UNAUTHORIZED') res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(status).json({
      error: { code: error.code, message: error.message, details: error.details, requestId },
    });
  };
}
