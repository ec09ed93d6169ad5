import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';

/** Ends a training's parent run that failed: FAILED (KILLED when aborted), the reason as a tag. */
export async function endFailedRun(
  client: MlflowClient,
  runId: string,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await client.runs.setTag(runId, 'champion.failure', reason.slice(0, 5000)).catch(() => undefined);
  const aborted = error instanceof TrainerError && error.code === 'ABORTED';
  await client.runs.finish(runId, aborted ? 'KILLED' : 'FAILED').catch(() => undefined);
}
