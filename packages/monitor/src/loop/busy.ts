/**
 * Two turns must not retrain at once (a manual `monitor run` while `--every` or the CronJob is
 * retraining): before retraining, a turn looks for another RUNNING monitoring run tagged as
 * retraining whose process is alive (its owner tags; a run whose process is gone, or silent on
 * another host for longer than `staleMs`, does not count). What it cannot exclude: two turns
 * checking within the same second; the promotion lease still serializes their alias moves.
 */
import { orphanReason } from '@champion/trainer';
import type { MlflowClient } from 'mlflow-js-client';
import { MONITOR_TAGS } from './tags.js';

/** How long a retraining on another host counts as alive without news. */
const STALE_MS = 6 * 3_600_000;

/** The other monitoring run retraining now, if any. */
export async function retrainingElsewhere(options: {
  client: MlflowClient;
  experimentId: string;
  runId: string;
}): Promise<{ runId: string; since: string } | undefined> {
  const page = await options.client.runs.searchPage({
    experimentIds: [options.experimentId],
    filter: `attributes.status = 'RUNNING' and tags.\`${MONITOR_TAGS.retraining}\` = 'true'`,
    maxResults: 20,
  });
  const other = page.items.find(
    (run) =>
      run.info.run_id !== options.runId && orphanReason(run, { staleMs: STALE_MS }) === undefined,
  );
  if (other === undefined) return undefined;
  const at = Number(other.data.tags.find((t) => t.key === MONITOR_TAGS.retrainedAt)?.value);
  return {
    runId: other.info.run_id,
    since: Number.isFinite(at) ? new Date(at).toISOString() : 'an unknown time',
  };
}
