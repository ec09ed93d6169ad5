import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import type { ServingMetrics } from '../metrics.js';
import type { ServingState } from '../state.js';
import { requestIdOf } from './request-id.js';

/** Probes and scrapes are logged at debug level: they would drown everything else. */
const QUIET = new Set(['/livez', '/readyz', '/metrics', '/v2/health/live', '/v2/health/ready']);

/** The route pattern that handled the request, or a fixed label for unmatched paths. */
function routeLabel(req: Request): string {
  const route: unknown = (req as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}

/**
 * One JSON log line and one metrics observation per request, when the response is finished.
 * During shutdown it also asks clients to drop keep-alive connections.
 */
export function accessLog(options: {
  logger: Logger;
  metrics: ServingMetrics;
  state: ServingState;
}) {
  const { logger, metrics, state } = options;
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    if (state.shuttingDown) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const labels = { method: req.method, route: routeLabel(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      const meta = {
        requestId: requestIdOf(res),
        method: req.method,
        path: req.path,
        route: labels.route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        ...(res.locals['rows'] === undefined ? {} : { rows: res.locals['rows'] as number }),
      };
      if (QUIET.has(req.path) && res.statusCode < 400) logger.debug('request', meta);
      else logger.info('request', meta);
    });
    next();
  };
}
