import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { HttpMetrics } from './http-metrics.js';
import type { HttpLogger } from './logger.js';
import { requestIdOf } from './request-id.js';

/** The status of a request the client gave up on before any response (nginx's convention). */
const CLIENT_CLOSED = 499;

export interface AccessLogOptions {
  readonly logger: HttpLogger;
  readonly metrics: Pick<HttpMetrics, 'httpRequests' | 'httpDuration'>;
  /** Probe and scrape paths, logged at debug level when they succeed: they would drown the rest. */
  readonly quietPaths: ReadonlySet<string>;
  /** Fields the service adds to a request's log line (e.g. rows scored), read when it ends. */
  readonly extra?: (res: Response) => Record<string, unknown>;
}

/** The route pattern that handled the request, or a fixed label for unmatched paths. */
function routeLabel(req: Request): string {
  const route: unknown = (req as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}

/** One exchange as the access log sees it, whichever router answered it. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Read when the exchange ends: the path without its query, the route label, the id. */
  readonly path: () => string;
  readonly route: () => string;
  readonly requestId: () => string;
  /** Fields the service adds to the line (e.g. rows scored), read when it ends. */
  readonly extra?: () => Record<string, unknown>;
}

/**
 * One JSON log line and one metrics observation for `exchange`: when its response is finished,
 * or when the connection closes first (the client went away, or shutdown cut it), then with
 * `aborted: true` and status 499 unless a response had been started (then its status, with
 * `responseStarted: true`). `bytesSent` counts what was handed to the socket for this response,
 * headers included.
 */
export function logExchange(options: Omit<AccessLogOptions, 'extra'>, exchange: Exchange): void {
  const { logger, metrics, quietPaths } = options;
  const { req, res } = exchange;
  const start = process.hrtime.bigint();
  const socket = req.socket;
  const written = socket.bytesWritten;
  let logged = false;
  const done = (aborted: boolean): void => {
    if (logged) return;
    logged = true;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const status = aborted && !res.headersSent ? CLIENT_CLOSED : res.statusCode;
    const method = req.method ?? '?';
    const path = exchange.path();
    const labels = { method, route: exchange.route(), status: String(status) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    const meta = {
      requestId: exchange.requestId(),
      method,
      path,
      route: labels.route,
      status,
      durationMs: Math.round(seconds * 1e6) / 1e3,
      bytesSent: socket.bytesWritten - written,
      ...exchange.extra?.(),
      ...(aborted ? { aborted: true, responseStarted: res.headersSent } : {}),
    };
    if (aborted) logger.warn('request aborted', meta);
    else if (quietPaths.has(path) && res.statusCode < 400) logger.debug('request', meta);
    else logger.info('request', meta);
  };
  // A response can 'finish' after the client abandoned its upload (an error answered into a
  // half-closed socket): the request never completed, so it counts as aborted too.
  res.once('finish', () => done(!req.complete && req.readableAborted));
  // 'close' without 'finish' first: the exchange was cut (even if end() had been called:
  // writableFinished says true once the socket is gone, so it cannot tell).
  res.once('close', () => done(true));
}

/** The access log as express middleware ({@link logExchange} for every request). */
export function accessLog(options: AccessLogOptions) {
  const { extra } = options;
  return (req: Request, res: Response, next: NextFunction): void => {
    logExchange(options, {
      req,
      res,
      path: () => req.path,
      route: () => routeLabel(req),
      requestId: () => requestIdOf(res),
      ...(extra === undefined ? {} : { extra: () => extra(res) }),
    });
    next();
  };
}
