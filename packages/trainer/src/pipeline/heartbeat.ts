/**
 * The run's heartbeat: its current stage and a timestamp as run tags, written when the stage
 * changes and every minute, so `champion doctor` on another host can tell a training that is
 * still going from one whose process vanished. Failures are ignored: a missed beat only makes
 * the run look older.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { OWNER_TAGS } from '../registry/owner.js';

export interface Heartbeat {
  /** Starts beating for `runId` (stages recorded before are kept, not written). */
  start(runId: string): void;
  /** Records a new stage (written at once when it differs from the last one). */
  stage(stage: string): void;
  /** Stops the timer and waits for the last write. */
  stop(): Promise<void>;
}

/** @default every 60 s */
export function createHeartbeat(options: { client: MlflowClient; intervalMs?: number }): Heartbeat {
  let current = '';
  let runId: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  const beat = (): void => {
    if (runId === undefined) return;
    const id = runId;
    const tags = { [OWNER_TAGS.stage]: current, [OWNER_TAGS.heartbeat]: String(Date.now()) };
    pending = pending.then(() => options.client.runs.logBatch(id, { tags })).catch(() => undefined);
  };
  return {
    start(id) {
      runId = id;
      timer = setInterval(beat, options.intervalMs ?? 60_000);
      timer.unref();
    },
    stage(stage) {
      if (stage === current) return;
      current = stage;
      beat();
    },
    async stop() {
      clearInterval(timer);
      runId = undefined;
      await pending;
    },
  };
}
