/** One prediction as the inference log stores it (one JSON object per line). */
import type { BatchScores, FeatureBatch } from '@champion/runtime';
import { FieldCapper } from './cap.js';
import { DEFAULT_INFERENCE_LOG_LIMITS, type InferenceLogLimits } from './limits.js';

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

/** What bounds a line: the per-field and per-line caps of {@link InferenceLogLimits}. */
export type LineLimits = Pick<InferenceLogLimits, 'maxFieldChars' | 'maxRecordBytes'>;

/** `features` itself when no value is over the cap (the common case), else a capped copy. */
function cappedFeatures(
  features: Readonly<Record<string, FeatureValue>>,
  capper: FieldCapper,
): Readonly<Record<string, FeatureValue>> {
  let over = false;
  for (const name in features) {
    const value = features[name];
    if (typeof value === 'string' && value.length > capper.maxChars) over = true;
  }
  if (!over) return features;
  // fromEntries defines own keys, so even a feature named `__proto__` stays a feature.
  return Object.fromEntries(
    Object.entries(features).map(([name, value]) => [name, capper.cap(`features.${name}`, value)]),
  );
}

/**
 * The JSON line for `record` (snake_case keys, as the monitor reads them), without newline.
 * Strings are capped before they are serialized (a 31 MB category costs a slice, not a 31 MB
 * line); a line still over `maxRecordBytes` is written without its features. Either way the
 * line's `truncated` field names what was cut and its original length.
 */
export function recordLine(
  record: InferenceRecord,
  time: Date,
  limits: LineLimits = DEFAULT_INFERENCE_LOG_LIMITS,
): string {
  const capper = new FieldCapper(limits.maxFieldChars);
  const features = cappedFeatures(record.features, capper);
  const line = {
    time: time.toISOString(),
    request_id: capper.cap('request_id', record.requestId),
    ...(record.recordId === undefined
      ? {}
      : { record_id: capper.cap('record_id', record.recordId) }),
    model: capper.cap('model', record.model),
    version: capper.cap('version', record.version),
    features,
    probability: record.probability,
    label: capper.cap('label', record.label),
  };
  const text = JSON.stringify(capper.any ? { ...line, truncated: capper.truncated } : line);
  if (Buffer.byteLength(text) <= limits.maxRecordBytes) return text;
  // Too many features for the cap: keep the prediction, drop the inputs, and say so.
  const kept = Object.entries(capper.truncated).filter(([path]) => !path.startsWith('features.'));
  const truncated = {
    ...Object.fromEntries(kept),
    features: Buffer.byteLength(JSON.stringify(features)),
  };
  return JSON.stringify({ ...line, features: {}, truncated });
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
