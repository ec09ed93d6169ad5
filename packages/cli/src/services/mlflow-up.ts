import { ensureVenv, startMlflowServer, type MlflowServer } from '@champion/mlflow-server';
import type { Logger } from '../logger.js';

/** Options of {@link mlflowUp}, as given on the command line. */
export interface MlflowUpOptions {
  host: string;
  port: number;
  workers: number;
  backendStoreUri?: string;
  artifactsDestination?: string;
  allowedHosts?: string[];
}

/** Provisions the venv and starts the embedded (or given-store) MLflow server. */
export async function mlflowUp(options: MlflowUpOptions, logger: Logger): Promise<MlflowServer> {
  const venv = await ensureVenv({ logger });
  return startMlflowServer({
    mlflow: venv.mlflow,
    host: options.host,
    port: options.port,
    workers: options.workers,
    logger,
    ...(options.backendStoreUri ? { backendStoreUri: options.backendStoreUri } : {}),
    ...(options.artifactsDestination ? { artifactsDestination: options.artifactsDestination } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });
}
