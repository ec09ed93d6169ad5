/**
 * Which MLflow a command talks to: MLFLOW_TRACKING_URI when set; else the embedded server on
 * 127.0.0.1:5000 if one already answers (`champion mlflow up` or `champion demo`); else an
 * embedded server started for the duration of the command (sqlite in mlruns/), stopped after.
 * Never two servers on one sqlite file.
 */
import { ensureVenv, startMlflowServer } from '@champion/mlflow-server';
import { MlflowClient } from 'mlflow-js-client';
import type { Logger } from '../logger.js';

export const EMBEDDED_URL = 'http://127.0.0.1:5000';

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

export interface Tracking {
  readonly client: MlflowClient;
  readonly uri: string;
  /** How the server was found, for the user. */
  readonly how: 'env' | 'running' | 'started';
  close(): Promise<void>;
}

/** Opens the tracking server for one command; `close()` stops what it started. */
export async function openTracking(options: {
  env: NodeJS.ProcessEnv;
  logger: Logger;
}): Promise<Tracking> {
  const { env, logger } = options;
  if (env['MLFLOW_TRACKING_URI']) {
    const client = MlflowClient.fromEnv(env, { logger });
    return { client, uri: client.trackingUri, how: 'env', close: () => client.close() };
  }
  if (await answers(EMBEDDED_URL)) {
    const client = new MlflowClient({ trackingUri: EMBEDDED_URL, logger });
    return { client, uri: EMBEDDED_URL, how: 'running', close: () => client.close() };
  }
  logger.info(
    'MLFLOW_TRACKING_URI is not set and no MLflow answers on 127.0.0.1:5000: starting the embedded one (mlruns/) for this command',
  );
  const venv = await ensureVenv({ logger });
  const server = await startMlflowServer({ mlflow: venv.mlflow, port: 5000, logger });
  const client = new MlflowClient({ trackingUri: server.url, logger });
  return {
    client,
    uri: server.url,
    how: 'started',
    close: async () => {
      await client.close();
      await server.stop();
    },
  };
}

/** Runs `work` with a tracking server, always closing it. */
export async function withTracking<T>(
  options: { env: NodeJS.ProcessEnv; logger: Logger },
  work: (tracking: Tracking) => Promise<T>,
): Promise<T> {
  const tracking = await openTracking(options);
  try {
    return await work(tracking);
  } finally {
    await tracking.close();
  }
}
