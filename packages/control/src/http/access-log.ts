import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'mlflow-js-client';
import type { ControlMetrics } from './metrics.js';
import { requestIdOf } from './request-id.js';

/** Probes and scrapes are logged at debug level: they would drown everything else. */
const QUIET = new Set(['/livez', '/readyz', '/metrics']);

function routeLabel(req: Request): string {
  const route: unknown = (req as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}

/** One JSON log line and one metrics observation per request, when its response ends. */
export function accessLog(options: { logger: Logger; metrics: ControlMetrics }) {
  const { logger, metrics } = options;
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const labels = { method: req.method, route: routeLabel(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      const meta = {
        requestId: requestIdOf(res),
        ...labels,
        path: req.path,
        durationMs: Math.round(seconds * 1e6) / 1e3,
      };
      if (QUIET.has(req.path) && res.statusCode < 400) logger.debug('request', meta);
      else logger.info('request', meta);
    });
    next();
  };
}
