/**
 * The serving process, composed: config → MLflow client → ModelHost → express app → listen →
 * graceful shutdown (shutdown.ts: drain delay, stop accepting, finish in-flight, flush). The
 * HTTP layer sees the model only through the ModelHost interface; the default host is the
 * ModelManager (resolve alias, download, check, warm, poll, swap).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { MlflowClient } from 'mlflow-js-client';
import type { ServingConfig } from './config.js';
import { createApp, type ServingApp } from './http/app.js';
import type { InferenceSink } from './http/inference-sink.js';
import { silentLogger, type Logger } from './http/logger.js';
import { openServingStore } from './inference-log/open-serving-store.js';
import { ModelManager } from './model/model-manager.js';
import { startMonitoringGauges } from './monitoring/index.js';
import type { ModelHost } from '@champion/runtime';
import { InFlightRequests } from './in-flight.js';
import { ShutdownSequence, type ShutdownReport } from './shutdown.js';

/** What a host factory gets to build the ModelHost. */
export interface HostFactoryDeps {
  readonly client: MlflowClient;
  readonly config: ServingConfig;
  readonly logger: Logger;
}

/** Builds and starts a ModelHost; it should return at once and load in the background. */
export type HostFactory = (deps: HostFactoryDeps) => ModelHost | Promise<ModelHost>;

/** The default host: a ModelManager following `models:/NAME@ALIAS`. */
export const defaultHostFactory: HostFactory = ({ client, config, logger }) => {
  if (config.modelName === undefined) {
    throw new Error('No model to serve: set CHAMPION_MODEL_NAME (or pass --name).');
  }
  const manager = new ModelManager({
    client,
    name: config.modelName,
    alias: config.modelAlias,
    pollIntervalMs: config.pollIntervalMs,
    cacheDir: resolve(config.cacheDir),
    engine: config.engine,
    logger,
  });
  manager.start().catch((err: unknown) => {
    logger.error('model host failed to start', {
      error: err instanceof Error ? err.message : String(err),
    });
  });
  return manager;
};

export interface StartServerOptions {
  readonly config: ServingConfig;
  /** The MLflow client. @default `MlflowClient.fromEnv(env)` (closed on shutdown) */
  readonly client?: MlflowClient;
  /** A ready-made host (tests), or how to build one. @default {@link defaultHostFactory} */
  readonly host?: ModelHost | HostFactory;
  /** @default the inference store named by config.inferenceStore */
  readonly sink?: InferenceSink;
  /** @default silent */
  readonly logger?: Logger;
  /** Read by the default client for MLFLOW_TRACKING_URI and credentials. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080` (the bound port, useful with port 0). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly host: ModelHost;
  readonly app: ServingApp;
  /**
   * Fails readiness, keeps serving for CHAMPION_DRAIN_DELAY_MS, stops accepting, finishes
   * in-flight requests (bounded by CHAMPION_SHUTDOWN_GRACE_MS), stops the host and flushes the
   * inference log. Idempotent: every call returns the same promise.
   */
  shutdown(): Promise<ShutdownReport>;
  /**
   * What a process signal does (SIGTERM/SIGINT): the first starts {@link shutdown}, a second
   * during the drain delay ends the delay, a later one cuts in-flight requests. Logged each time.
   */
  signal(signal: NodeJS.Signals): Promise<ShutdownReport>;
}

function isHost(value: ModelHost | HostFactory): value is ModelHost {
  return typeof value === 'object';
}

function clientFor(options: StartServerOptions): { client: MlflowClient; owned: boolean } {
  if (options.client !== undefined) return { client: options.client, owned: false };
  const env = { ...(options.env ?? process.env) };
  if (options.config.trackingUri !== undefined)
    env['MLFLOW_TRACKING_URI'] = options.config.trackingUri;
  return {
    client: MlflowClient.fromEnv(env, { logger: options.logger ?? silentLogger }),
    owned: true,
  };
}

/** Starts serving; resolves once listening (readiness follows when the model has loaded). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const given = options.host ?? defaultHostFactory;
  const mlflow = isHost(given) ? undefined : clientFor(options);
  const host = isHost(given)
    ? given
    : await given({ client: (mlflow as { client: MlflowClient }).client, config, logger });
  let sink: InferenceSink;
  try {
    sink = options.sink ?? (await openServingStore({ config, logger }));
  } catch (error) {
    if (!isHost(given)) await host.stop();
    if (mlflow?.owned === true) await mlflow.client.close();
    throw error;
  }
  const uiClient = options.client ?? mlflow?.client;
  const served = createApp({
    host,
    config,
    logger,
    sink,
    ...(uiClient === undefined ? {} : { client: uiClient }),
  });
  const inFlight = new InFlightRequests();
  const server = createServer(inFlight.wrap(served.handler));
  // Slow clients must not hold sockets forever; keep-alive a bit above common LB idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  server.listen(config.port, config.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    // A busy port (EADDRINUSE): stop what was started for this server, or its model checks
    // would go on against a client the caller is about to close.
    if (!isHost(given)) await host.stop();
    await sink.close?.();
    served.close();
    if (mlflow?.owned === true) await mlflow.client.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info('serving', {
    url,
    bind: config.host,
    port,
    model: config.modelName,
    alias: config.modelAlias,
    apiKey: config.apiKey !== undefined,
  });

  const monitoring = startMonitoringGauges({
    client: options.client ?? mlflow?.client,
    host,
    modelName: config.modelName,
    gauges: served.metrics.monitoring,
    intervalMs: config.monitorRefreshMs,
    logger,
  });
  const sequence = new ShutdownSequence({
    server,
    state: served.state,
    inFlight,
    drainDelayMs: config.drainDelayMs,
    graceMs: config.shutdownGraceMs,
    logger,
    serving: () => host.current() !== undefined,
    cleanups: [
      { name: 'model host', run: () => host.stop() },
      { name: 'inference log', run: () => sink.close?.() ?? Promise.resolve() },
      { name: 'monitoring gauges', run: () => monitoring?.stop() ?? Promise.resolve() },
      {
        name: 'MLflow client',
        run: () => (mlflow?.owned === true ? mlflow.client.close() : Promise.resolve()),
      },
      { name: 'metrics', run: () => Promise.resolve(served.close()) },
    ],
  });
  return {
    url,
    port,
    server,
    host,
    app: served,
    shutdown: () => sequence.run(),
    signal: (signal) => sequence.signal(signal),
  };
}
