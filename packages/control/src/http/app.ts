/**
 * The express app of the control service, built from its dependencies (config, job service,
 * logger). It listens nowhere; server.ts does that and owns shutdown.
 */
import express, { type Express } from 'express';
import { accessLog, requestId } from '@champion/http-kit';
import type { Logger } from 'mlflow-js-client';
import type { ControlConfig } from '../config.js';
import type { JobService } from '../jobs/job-service.js';
import { ApiRouter } from './api-router.js';
import { errorHandler, notFound } from './error-handler.js';
import { ControlMetrics } from './metrics.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';

export interface ControlApp {
  readonly app: Express;
  readonly state: { shuttingDown: boolean };
}

/** Probes and scrapes are logged at debug level: they would drown everything else. */
const QUIET_PATHS: ReadonlySet<string> = new Set(['/livez', '/readyz', '/metrics']);

export function createControlApp(options: {
  config: ControlConfig;
  jobs: JobService;
  logger: Logger;
  defaultMetrics?: boolean;
}): ControlApp {
  const { config, jobs, logger } = options;
  const state = { shuttingDown: false };
  const metrics = new ControlMetrics({ jobs, defaultMetrics: options.defaultMetrics ?? true });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId);
  app.use(accessLog({ logger, metrics, quietPaths: QUIET_PATHS }));
  const router = new ApiRouter();
  jobRoutes({ router, jobs, config });
  healthRoutes({ router, metrics, state });
  docsRoutes(router);
  router.refuseOtherMethods();
  app.use(router.express);
  app.use(notFound);
  app.use(errorHandler(logger));
  return { app, state };
}
