/**
 * Orphaned runs: RUNNING in MLflow, but the process that owned them is gone (SIGKILL, OOM, a
 * lost pod). They are ended FAILED with the reason in `champion.failure`, never deleted.
 */
import type { MlflowClient, Run } from 'mlflow-js-client';
import { OWNER_TAGS, ownerFromTags, ownerState } from '../registry/owner.js';
import type { Finding } from './findings.js';

/** Why a RUNNING run is orphaned, or undefined while its owner may still be working on it. */
export function orphanReason(
  run: Run,
  options: { staleMs: number; now?: number },
): string | undefined {
  const tags = new Map(run.data.tags.map((t) => [t.key, t.value]));
  const owner = ownerFromTags(tags);
  const stage = tags.get(OWNER_TAGS.stage);
  const at = stage ? ` (last stage: ${stage})` : '';
  if (owner) {
    const heartbeat = Number(tags.get(OWNER_TAGS.heartbeat));
    const state = ownerState({
      owner,
      heartbeatAt: Number.isFinite(heartbeat) ? heartbeat : undefined,
      staleMs: options.staleMs,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    return state.state === 'gone'
      ? `orphaned: ${state.why} while the run was RUNNING${at}`
      : undefined;
  }
  // Champion's runs started before owners were recorded: only their age can tell. Runs of other
  // tools in the same experiment are never judged (a long job of theirs is not an orphan).
  const champions = tags.has('champion.data.source') || tags.has('champion.learner');
  const started = Number(run.info.start_time ?? Number.NaN);
  const now = options.now ?? Date.now();
  if (champions && Number.isFinite(started) && started > 0 && now - started > options.staleMs) {
    return `orphaned: RUNNING since ${new Date(started).toISOString()} with no owner recorded${at}`;
  }
  return undefined;
}

/** Finds (and with `repair`, ends FAILED) the orphaned runs of `experimentIds`. */
export async function orphanedRuns(options: {
  client: MlflowClient;
  experimentIds: readonly string[];
  repair: boolean;
  staleMs: number;
}): Promise<Finding[]> {
  if (options.experimentIds.length === 0) return [];
  const { client } = options;
  const running = await client.runs.searchAll({
    experimentIds: options.experimentIds,
    filter: "attributes.status = 'RUNNING'",
  });
  const findings: Finding[] = [];
  for (const run of running) {
    const reason = orphanReason(run, { staleMs: options.staleMs });
    if (reason === undefined) continue;
    if (options.repair) {
      await client.runs.setTag(run.info.run_id, 'champion.failure', reason.slice(0, 5000));
      await client.runs.finish(run.info.run_id, 'FAILED');
    }
    findings.push({
      kind: 'orphaned-run',
      subject: `run ${run.info.run_id} (experiment ${run.info.experiment_id})`,
      problem: reason,
      fix: 'end the run FAILED with the reason in the tag champion.failure',
      repaired: options.repair,
    });
  }
  return findings;
}
