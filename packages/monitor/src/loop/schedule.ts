/**
 * `--every`: runs a turn, waits the interval (measured from the start of the turn, so the cadence
 * does not drift by the turn's length), again, until the signal fires. A turn that fails is
 * reported and the loop goes on (a passing MLflow outage must not stop the schedule); the signal
 * interrupts the wait at once and is passed to the turn so a retraining can stop cleanly.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ScheduleOptions {
  readonly everyMs: number;
  readonly signal: AbortSignal;
  readonly turn: (signal: AbortSignal) => Promise<void>;
  readonly onError: (error: unknown) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Resolves with the number of turns run once `signal` fires. */
export async function runEvery(options: ScheduleOptions): Promise<number> {
  const now = options.now ?? Date.now;
  let turns = 0;
  while (!options.signal.aborted) {
    const started = now();
    try {
      await options.turn(options.signal);
    } catch (error) {
      if (!options.signal.aborted) options.onError(error);
    }
    turns++;
    const wait = Math.max(0, started + options.everyMs - now());
    await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
  }
  return turns;
}
