/**
 * The progress events of a training: `emit` reports a stage and is where an abort (Ctrl-C)
 * takes effect, `report` only reports (it never throws: the gate uses it past its point of no
 * return). Both keep the heartbeat's stage current.
 */
import { TrainerError } from '../errors.js';
import type { Heartbeat } from './heartbeat.js';
import type { TrainEvent, TrainOptions } from './train.js';

export interface TrainEvents {
  readonly emit: (event: TrainEvent) => void;
  readonly report: (event: TrainEvent) => void;
}

export function trainEvents(options: {
  options: Pick<TrainOptions, 'onEvent' | 'signal'>;
  heartbeat: Heartbeat;
}): TrainEvents {
  const { heartbeat } = options;
  const listener = options.options.onEvent;
  const signal = options.options.signal;
  const report = (event: TrainEvent): void => {
    heartbeat.stage(event.stage);
    listener?.(event);
  };
  const emit = (event: TrainEvent): void => {
    if (signal?.aborted) {
      throw new TrainerError(
        'ABORTED',
        `training interrupted (${String(signal.reason ?? 'aborted')})`,
      );
    }
    report(event);
  };
  return { emit, report };
}
