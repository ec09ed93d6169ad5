/**
 * The monitoring gauges of the serving process (issue 14): the figures of the latest FINISHED
 * monitoring run of the served model, on /metrics. Composed here from the MLflow source, the
 * gauges and the refresher; server.ts starts it after listening and stops it on shutdown.
 */
import type { ModelHost } from '@champion/runtime';
import type { MlflowClient } from 'mlflow-js-client';
import type { Logger } from '../http/logger.js';
import type { MonitoringGauges } from './gauges.js';
import { mlflowMonitoringSource } from './latest-run.js';
import { MonitoringRefresher } from './refresher.js';

export { MonitoringGauges } from './gauges.js';
export { monitoringFigures, type MonitoringFigures } from './figures.js';
export { MonitoringRefresher, type MonitoringRefresherOptions } from './refresher.js';
export { mlflowMonitoringSource, type LatestRun, type MonitoringSource } from './latest-run.js';

/**
 * Starts refreshing `gauges` for the model `host` serves (or `modelName` until one is loaded),
 * and again on every swap. Undefined when off (interval 0) or when there is no MLflow client.
 */
export function startMonitoringGauges(options: {
  client: MlflowClient | undefined;
  host: ModelHost;
  modelName: string | undefined;
  gauges: MonitoringGauges;
  intervalMs: number;
  logger: Logger;
}): MonitoringRefresher | undefined {
  const { client, host } = options;
  if (client === undefined || options.intervalMs <= 0) return undefined;
  const refresher = new MonitoringRefresher({
    source: mlflowMonitoringSource(client),
    gauges: options.gauges,
    modelName: () => host.current()?.name ?? options.modelName,
    features: () => host.current()?.features.map((f) => f.name) ?? [],
    intervalMs: options.intervalMs,
    logger: options.logger,
  });
  // A new version may have other features: show their drift at once.
  host.onSwap(() => void refresher.refresh());
  refresher.start();
  return refresher;
}
