/** One prediction as the inference log stores it (one JSON object per line). */
import type { BatchScores, FeatureBatch } from '../model/types.js';

export type FeatureValue = number | string | null;

export interface InferenceRecord {
  /** @default the log's clock at append time */
  readonly time?: Date;
  readonly requestId: string;
  readonly recordId?: string | number | undefined;
  readonly model: string;
  readonly version: string;
  readonly features: Readonly<Record<string, FeatureValue>>;
  readonly probability: number;
  readonly label: number | string;
}

/** The JSON line for `record` (snake_case keys, as the monitor reads them), without newline. */
export function recordLine(record: InferenceRecord, time: Date): string {
  return JSON.stringify({
    time: time.toISOString(),
    request_id: record.requestId,
    ...(record.recordId === undefined ? {} : { record_id: record.recordId }),
    model: record.model,
    version: record.version,
    features: record.features,
    probability: record.probability,
    label: record.label,
  });
}

/** One record per row of a scored batch; NaN and '' (missing) become null. */
export function batchRecords(options: {
  requestId: string;
  batch: FeatureBatch;
  scores: BatchScores;
  /** Per-row record ids, when the caller sent them. */
  recordIds?: readonly (string | number | undefined)[];
}): InferenceRecord[] {
  const { batch, scores } = options;
  const { features } = scores.model;
  const records: InferenceRecord[] = [];
  for (let r = 0; r < batch.rows; r++) {
    const values: Record<string, FeatureValue> = {};
    features.forEach((feature, c) => {
      const v = batch.columns[c]?.[r];
      values[feature.name] =
        v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    });
    const recordId = options.recordIds?.[r];
    records.push({
      requestId: options.requestId,
      ...(recordId === undefined ? {} : { recordId }),
      model: scores.model.name,
      version: scores.model.version,
      features: values,
      probability: scores.probability[r] ?? Number.NaN,
      label: Number(scores.label[r] ?? 0n),
    });
  }
  return records;
}
