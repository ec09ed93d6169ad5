/**
 * What the control service does in MLflow when a job did not finish well, so the run is the
 * record: a run left RUNNING (the process was killed before it could end it) is ended KILLED or
 * FAILED with the reason as a tag; a version a cancelled training registered but never gated
 * (tagged `champion.gate.decision=interrupted` by the trainer, or killed before any decision
 * tag; never given an alias) is deleted,
 * so a cancel leaves nothing half-registered. A version the gate decided on is never touched.
 */
import type { Logger, MlflowClient } from 'mlflow-js-client';

const DECISION_TAG = 'champion.gate.decision';
const FAILURE_TAG = 'champion.failure';

/** Ends the run `status` unless it already ended; returns the run's final status. */
export async function endRunIfOpen(options: {
  client: MlflowClient;
  runId: string;
  status: 'KILLED' | 'FAILED';
  reason: string;
}): Promise<string> {
  const { client, runId } = options;
  const run = await client.runs.get(runId);
  if (run.info.status !== 'RUNNING' && run.info.status !== 'SCHEDULED') return run.info.status;
  await client.runs.setTag(runId, FAILURE_TAG, options.reason.slice(0, 5000));
  await client.runs.finish(runId, options.status);
  return options.status;
}

/**
 * Deletes the versions of `runId` the gate never reached (tagged `interrupted`, or no decision
 * at all) and no alias points at; returns their numbers. Call it only for a run that ended
 * before its gate decided (a cancelled job).
 */
export async function removeInterruptedVersions(options: {
  client: MlflowClient;
  runId: string;
  logger: Logger;
}): Promise<string[]> {
  const { client, runId } = options;
  const versions = await client.registry.versions.searchAll({ filter: `run_id = '${runId}'` });
  const removed: string[] = [];
  for (const v of versions) {
    const decision = v.tags.find((t) => t.key === DECISION_TAG)?.value;
    // No decision: killed between registering and tagging. `pending` may have moved the alias:
    // `champion doctor` settles that one from the registry.
    if (!(decision === undefined || decision === 'interrupted') || v.aliases.length > 0) continue;
    await client.registry.versions.delete({ name: v.name, version: v.version });
    options.logger.info('removed a version a cancelled job registered but never gated', {
      name: v.name,
      version: v.version,
      runId,
    });
    removed.push(v.version);
  }
  return removed;
}
