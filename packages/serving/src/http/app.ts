/**
 * The express app of the serving process, built from its dependencies: a ModelHost (the only
 * way to the model), the config, a logger, an inference sink and metrics. It listens nowhere;
 * server.ts does that and owns shutdown.
 */
import type { RequestListener } from 'node:http';
import express, { type Express, type Response } from 'express';
import { accessLog, requestId } from '@champion/http-kit';
import type { ServingConfig } from '../config.js';
import type { ModelHost } from '@champion/runtime';
import type { MlflowClient } from 'mlflow-js-client';
import { uiRoutes } from '../ui/routes.js';
import type { AppContext } from './context.js';
import { directLane } from './direct-lane.js';
import { errorHandler, errorResponder, notFound } from './error-handler.js';
import { noopSink, type InferenceSink } from './inference-sink.js';
import { PendingAppends } from './pending-appends.js';
import { silentLogger, type Logger } from './logger.js';
import { ServingMetrics } from './metrics.js';
import { FeatureCompiler } from './records/feature-compiler.js';
import { adminRoutes } from './routes/admin.js';
import { docsRoutes } from './routes/docs.js';
import { feedbackRoutes } from './routes/feedback.js';
import { ApiRouter } from './api-router.js';
import { healthRoutes } from './routes/health.js';
import { invocationsRoutes } from './routes/invocations.js';
import { modelInfoRoutes } from './routes/model-info.js';
import { predictBatchRoutes } from './routes/predict-batch.js';
import { explainRoutes } from './routes/explain.js';
import { predictRoutes } from './routes/predict.js';
import { scoringServerRoutes } from './routes/scoring-server.js';
import { v2Routes } from './routes/v2.js';
import { createServingState, type ServingState } from './state.js';

export interface CreateAppOptions {
  readonly host: ModelHost;
  readonly config: ServingConfig;
  /** @default silent */
  readonly logger?: Logger;
  /** Receives every prediction. @default a sink that drops them */
  readonly sink?: InferenceSink;
  /** @default new metrics with Node's default process metrics */
  readonly metrics?: ServingMetrics;
  /** Shared with the server so shutdown can flip readiness. @default a new state */
  readonly state?: ServingState;
  /** MLflow, for the UI's model card and monitoring pages. @default none (they say so) */
  readonly client?: MlflowClient;
}

export interface ServingApp {
  /** Every route, in express. */
  readonly app: Express;
  /**
   * What the server listens with: plain JSON `POST /predict` and `/invocations` on the direct
   * lane (direct-lane.ts), everything else through {@link app}.
   */
  readonly handler: RequestListener;
  readonly state: ServingState;
  readonly metrics: ServingMetrics;
  /** Stops the app's timers (event-loop monitor). */
  close(): void;
}

/** Probes and scrapes are logged at debug level: they would drown everything else. */
const QUIET_PATHS: ReadonlySet<string> = new Set([
  '/livez',
  '/readyz',
  '/metrics',
  '/v2/health/live',
  '/v2/health/ready',
]);

/** The access log line of a scoring request says how many rows it scored. */
function rowsScored(res: Response): Record<string, unknown> {
  const rows: unknown = res.locals['rows'];
  return rows === undefined ? {} : { rows };
}

export function createApp(options: CreateAppOptions): ServingApp {
  const { host, config } = options;
  const logger = options.logger ?? silentLogger;
  const metrics = options.metrics ?? new ServingMetrics();
  const state = options.state ?? createServingState();
  const context: AppContext = {
    host,
    config,
    logger,
    sink: options.sink ?? noopSink,
    pending: new PendingAppends(),
    metrics,
    state,
    compiler: new FeatureCompiler(config.unseenCategories),
  };
  const current = host.current();
  if (current !== undefined) {
    metrics.setModel(current);
    context.compiler.get(current);
  }
  // Compile validation for the new version as soon as it lands, off the request path.
  host.onSwap((next) => {
    metrics.setModel(next);
    context.compiler.get(next);
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId);
  const accessLogOptions = { logger, metrics, quietPaths: QUIET_PATHS };
  app.use(accessLog({ ...accessLogOptions, extra: rowsScored }));
  const router = new ApiRouter();
  predictRoutes(context, router);
  explainRoutes(context, router);
  predictBatchRoutes(context, router);
  invocationsRoutes(context, router);
  v2Routes(context, router);
  modelInfoRoutes(context, router);
  const health = healthRoutes(context, router);
  scoringServerRoutes(context, router);
  feedbackRoutes(context, router);
  adminRoutes(context, router);
  docsRoutes(context, router);
  if (config.ui) uiRoutes(context, router, { client: options.client });
  // Other methods on a declared path are 405 with Allow, not 404: the path exists.
  router.refuseOtherMethods();
  app.use(router.express);
  app.use(notFound);
  const errorOptions = { logger, maxBodyBytes: config.maxBodyBytes };
  app.use(errorHandler(errorOptions));
  const handler = config.directLane
    ? directLane({
        context,
        express: app,
        accessLog: accessLogOptions,
        respondError: errorResponder(errorOptions),
      })
    : app;
  return { app, handler, state, metrics, close: () => health.stop() };
}
