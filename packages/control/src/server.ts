/**
 * The control service's process: recovers jobs a previous process left, listens, and shuts down
 * gracefully (readiness fails first, the listener closes, running jobs are stopped and marked
 * failed, connections still open after the grace period are cut).
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger, MlflowClient } from 'mlflow-js-client';
import type { ControlConfig } from './config.js';
import type { Executor } from './executors/executor.js';
import { createControlApp } from './http/app.js';
import { FileJobStore } from './jobs/file-store.js';
import { JobService } from './jobs/job-service.js';
import { PgJobStore } from './jobs/pg-store.js';
import type { JobStore } from './jobs/store.js';

const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningControl {
  readonly url: string;
  readonly jobs: JobService;
  /** Stops the service as SIGTERM does; idempotent. */
  close(): Promise<void>;
}

export async function startControl(options: {
  config: ControlConfig;
  executor: Executor;
  client?: MlflowClient | undefined;
  logger: Logger;
  store?: JobStore;
  defaultMetrics?: boolean;
}): Promise<RunningControl> {
  const { config, logger } = options;
  const store: JobStore =
    options.store ??
    (config.databaseUrl === undefined
      ? new FileJobStore(config.storeDir)
      : new PgJobStore(config.databaseUrl.reveal()));
  const jobs = new JobService({
    store,
    executor: options.executor,
    client: options.client,
    concurrency: config.concurrency,
    logger,
  });
  const recovered = await jobs.recover();
  if (recovered.length > 0)
    logger.warn('jobs left by a previous process marked failed', {
      jobs: recovered.map((j) => j.id),
    });
  const { app, state } = createControlApp({
    config,
    jobs,
    logger,
    ...(options.defaultMetrics === undefined ? {} : { defaultMetrics: options.defaultMetrics }),
  });
  const server: Server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  logger.info('control service listening', {
    url,
    executor: options.executor.kind,
    concurrency: config.concurrency,
    apiKey: config.apiKey !== undefined,
    store: config.databaseUrl === undefined ? config.storeDir : 'postgresql',
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      state.shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await jobs.close();
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      // Event streams end when their jobs do; what is still open now is cut.
      server.closeAllConnections();
      await closed;
      clearTimeout(cut);
      await store.close?.();
      logger.info('control service stopped');
    })());
  return { url, jobs, close };
}
