/**
 * Where the monitoring figures come from: the newest FINISHED run of the served model's
 * monitoring experiment (the monitor's naming rule, from @champion/inference-store). One page of
 * one run is read, however many runs the experiment holds; RUNNING, FAILED and KILLED runs are
 * never shown (the monitor never finishes a run with wrong figures).
 */
import { monitoringExperiment } from '@champion/inference-store';
import type { MlflowClient, Run } from 'mlflow-js-client';

/** The latest run, or why there is none (not an error: the monitor has not run yet). */
export type LatestRun =
  { readonly kind: 'run'; readonly run: Run } | { readonly kind: 'none'; readonly reason: string };

/** Reads the latest monitoring run of a model; throws when MLflow cannot answer. */
export type MonitoringSource = (modelName: string) => Promise<LatestRun>;

/** The source reading MLflow through `client`. */
export function mlflowMonitoringSource(client: MlflowClient): MonitoringSource {
  return async (modelName) => {
    const name = monitoringExperiment(modelName);
    const experiment = await client.experiments.findByName(name);
    if (experiment === undefined || experiment.lifecycle_stage === 'deleted')
      return { kind: 'none', reason: `no experiment ${name}: no monitoring run yet` };
    const page = await client.runs.searchPage({
      experimentIds: [experiment.experiment_id],
      filter: "attributes.status = 'FINISHED'",
      orderBy: ['attributes.start_time DESC'],
      maxResults: 1,
    });
    // The server's answer is checked, not trusted: the run must be what was asked for.
    const run = page.items.find(
      (r) => r.info.experiment_id === experiment.experiment_id && r.info.status === 'FINISHED',
    );
    return run === undefined
      ? { kind: 'none', reason: `no finished run in experiment ${name} yet` }
      : { kind: 'run', run };
  };
}
