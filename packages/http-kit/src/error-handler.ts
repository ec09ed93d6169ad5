/**
 * The last middleware of a champion service: logs a failure (with its stack, server-side only)
 * and answers the error. Which error a thrown value is, its status and its body are the
 * service's; logging, the headers every service sets and what happens after headers went out
 * are here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { INTERNAL, errorBody, type ClientError } from './error-body.js';
import { sendJson } from './json-response.js';
import type { HttpLogger } from './logger.js';
import { requestIdOf } from './request-id.js';

export interface ErrorHandlerOptions<E extends ClientError> {
  readonly logger: HttpLogger;
  /** Anything thrown to the service's error; what it does not recognise has code INTERNAL. */
  readonly toError: (err: unknown) => E;
  readonly statusOf: (error: E) => number;
  /** Also log client errors (4xx), at info; server errors (5xx) are always logged. */
  readonly logClientErrors?: boolean;
  /** Response headers an error sets (beyond WWW-Authenticate on UNAUTHORIZED). */
  readonly headers?: (error: E) => Readonly<Record<string, string>>;
  /** The body; `{error: {code, message, details, requestId}}` without. */
  readonly body?: (options: {
    error: E;
    status: number;
    requestId: string;
    /** The request's path, without its query. */
    path: string;
  }) => unknown;
}

/** The exchange an error is answered in. */
export interface ErrorExchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The path without its query. */
  readonly path: string;
  readonly requestId: string;
}

function describe(err: unknown): unknown {
  return err instanceof Error
    ? { name: err.name, message: err.message, stack: err.stack }
    : String(err);
}

function log<E extends ClientError>(
  options: ErrorHandlerOptions<E>,
  failure: { err: unknown; error: E; status: number; exchange: ErrorExchange },
): void {
  const { err, error, status } = failure;
  const { requestId, path } = failure.exchange;
  const { logger } = options;
  if (error.code === INTERNAL) {
    const method = failure.exchange.req.method;
    logger.error('request failed', { requestId, method, path, error: describe(err) });
    return;
  }
  const meta = { requestId, path, code: error.code, message: error.message };
  if (status >= 500) logger.warn('request refused', meta);
  else if (options.logClientErrors === true) logger.info('request refused', meta);
}

/** Unknown paths and methods end here, in the same error format as everything else. */
export function notFound(toError: (message: string) => Error) {
  return (req: Request): never => {
    throw toError(`No endpoint ${req.method} ${req.path}; see /docs for the API.`);
  };
}

/**
 * Logs a failure and answers it: the rule of {@link errorHandler}, also for handlers that answer
 * outside express.
 */
export function errorResponder<E extends ClientError>(
  options: ErrorHandlerOptions<E>,
): (err: unknown, exchange: ErrorExchange) => void {
  return (err, exchange) => {
    const { res, requestId, path } = exchange;
    const error = options.toError(err);
    const status = options.statusOf(error);
    log(options, { err, error, status, exchange });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error.code === 'UNAUTHORIZED') res.setHeader('WWW-Authenticate', 'Bearer');
    for (const [name, value] of Object.entries(options.headers?.(error) ?? {})) {
      res.setHeader(name, value);
    }
    const body = options.body?.({ error, status, requestId, path }) ?? errorBody(error, requestId);
    sendJson(res, status, body);
  };
}

export function errorHandler<E extends ClientError>(options: ErrorHandlerOptions<E>) {
  const respond = errorResponder(options);
  // eslint-disable-next-line max-params -- express recognises error middleware by its arity
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    respond(err, { req, res, path: req.path, requestId: requestIdOf(res) });
  };
}
