/**
 * The decision state, read back from earlier monitoring runs (see tags.ts): nothing is kept
 * locally, so a restarted loop (or a CronJob's fresh pod) decides as a long-running one would.
 * Only FINISHED runs count as windows and checkpoints: a FAILED run's figures are not trusted and
 * its window is read again. A retraining counts whatever its run's status (the version exists).
 */
import type { MlflowClient, Run } from 'mlflow-js-client';
import type { DecisionHistory, WindowSignals } from './decide.js';
import { MONITOR_TAGS } from './tags.js';

function tag(run: Run, key: string): string | undefined {
  return run.data.tags.find((t) => t.key === key)?.value;
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const tagIs = (key: string, value: string): string => `tags.\`${key}\` = ${quote(value)}`;

async function newest(
  scope: { client: MlflowClient; experimentId: string },
  filter: string,
  max = 1,
): Promise<Run[]> {
  const page = await scope.client.runs.searchPage({
    experimentIds: [scope.experimentId],
    filter,
    orderBy: ['attributes.start_time DESC'],
    maxResults: max,
  });
  return page.items;
}

/** The store checkpoint of the last FINISHED checkpoint-driven monitoring run. */
export async function lastCheckpoint(
  client: MlflowClient,
  experimentId: string,
): Promise<string | undefined> {
  const [run] = await newest(
    { client, experimentId },
    `attributes.status = 'FINISHED' and ${tagIs(MONITOR_TAGS.windowKind, 'checkpoint')}`,
  );
  return run === undefined ? undefined : tag(run, MONITOR_TAGS.checkpoint);
}

function signalsOf(run: Run): WindowSignals {
  return {
    drift: tag(run, MONITOR_TAGS.signalDrift) === 'true',
    performance: tag(run, MONITOR_TAGS.signalPerformance) === 'true',
  };
}

/** Earlier windows of `version`, the last retraining and who used `fingerprint` already. */
export async function readHistory(options: {
  client: MlflowClient;
  experimentId: string;
  version: string;
  fingerprint: string;
  /** How many earlier windows matter (the policy's n − 1). */
  windows: number;
}): Promise<DecisionHistory> {
  const { client, experimentId } = options;
  const windows =
    options.windows <= 0
      ? []
      : await newest(
          { client, experimentId },
          `attributes.status = 'FINISHED' and ${tagIs(MONITOR_TAGS.modelVersion, options.version)}`,
          options.windows,
        );
  const retrained = tagIs(MONITOR_TAGS.retrained, 'true');
  const [last] = await newest({ client, experimentId }, retrained);
  const [used] = await newest(
    { client, experimentId },
    `${retrained} and ${tagIs(MONITOR_TAGS.fingerprint, options.fingerprint)}`,
  );
  return {
    windows: windows.map(signalsOf),
    ...(last === undefined
      ? {}
      : {
          lastRetrain: {
            runId: last.info.run_id,
            at: Number(tag(last, MONITOR_TAGS.retrainedAt) ?? last.info.start_time ?? 0),
          },
        }),
    ...(used === undefined ? {} : { fingerprintUsedBy: used.info.run_id }),
  };
}
