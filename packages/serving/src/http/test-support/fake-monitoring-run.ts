/** Fake monitoring runs, shaped as mlflow-js-client returns them (for the unit tests). */
import type { Run } from 'mlflow-js-client';

export function fakeRun(options: {
  runId?: string;
  metrics?: Record<string, number>;
  tags?: Record<string, string>;
  endTime?: number;
}): Run {
  const pairs = (record: Record<string, string> = {}): { key: string; value: string }[] =>
    Object.entries(record).map(([key, value]) => ({ key, value }));
  return {
    info: {
      run_id: options.runId ?? 'run1',
      experiment_id: '7',
      status: 'FINISHED',
      start_time: 1_760_000_000_000,
      ...(options.endTime === undefined ? {} : { end_time: options.endTime }),
      artifact_uri: 'mlflow-artifacts:/7/run1/artifacts',
      lifecycle_stage: 'active',
    },
    data: {
      metrics: Object.entries(options.metrics ?? {}).map(([key, value]) => ({
        key,
        value,
        timestamp: 1_760_000_000_000,
        step: 0,
      })),
      params: [],
      tags: pairs(options.tags),
    },
    inputs: { dataset_inputs: [], model_inputs: [] },
    outputs: { model_outputs: [] },
  };
}
