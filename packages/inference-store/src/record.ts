/**
 * THE stored record: what serving writes for every scored row and what the monitor reads back,
 * in both backends (a JSONL line in a directory segment, a jsonb value in PostgreSQL). The
 * writer side is {@link InferenceRecord} → {@link recordLine} (capped, snake_case JSON); the
 * reader side is {@link storedRecordSchema} (zod: everything read back is untrusted) →
 * {@link ServedRecord}.
 */
import { z } from 'zod';
import { FieldCapper } from './cap.js';
import { DEFAULT_INFERENCE_LOG_LIMITS, type InferenceLogLimits } from './limits.js';

export type FeatureValue = number | string | null;

/** One scored row as serving hands it to a writer. */
export interface InferenceRecord {
  /** @default the writer's clock at append time */
  readonly time?: Date;
  /** This record's own id (a batch's rows each get one); what POST /feedback names. */
  readonly requestId: string;
  /** The client's `id` for the record, when it sent one. */
  readonly recordId?: string | number | undefined;
  readonly model: string;
  readonly version: string;
  /** The features as received (numbers as sent, categories as sent, missing as null). */
  readonly features: Readonly<Record<string, FeatureValue>>;
  /** Features whose category was not seen in training and was scored as missing. */
  readonly unseen?: readonly string[] | undefined;
  readonly probability: number;
  /** The predicted class label, as text (the training data's spelling). */
  readonly label: string;
  /** The model's class labels, [negative, positive]: what a true label must be one of. */
  readonly classes: readonly [string, string];
}

/** What bounds a line: the per-field and per-line caps of {@link InferenceLogLimits}. */
export type LineLimits = Pick<InferenceLogLimits, 'maxFieldChars' | 'maxRecordBytes'>;

/** Whether `value` is a features object: every value a number, a string or null. */
function isFeatureMap(value: unknown): value is Record<string, FeatureValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const name in value) {
    const v = (value as Record<string, unknown>)[name];
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return false;
  }
  return true;
}

// A hand-written check inside zod: z.record of a union costs ten times more per record, and the
// reader validates millions of them.
const features = z.custom<Record<string, FeatureValue>>(isFeatureMap, {
  message: 'features must be an object of numbers, strings and nulls',
});

/** A stored record as read back (lines written before `unseen`/`classes` existed still parse). */
export const storedRecordSchema = z.object({
  time: z.iso.datetime(),
  request_id: z.string().min(1),
  record_id: z.union([z.string(), z.number()]).optional(),
  model: z.string(),
  version: z.string(),
  features,
  unseen: z.array(z.string()).optional(),
  probability: z.number(),
  label: z.union([z.string(), z.number()]),
  classes: z.tuple([z.string(), z.string()]).optional(),
  truncated: z.record(z.string(), z.number()).optional(),
});
export type StoredRecord = z.infer<typeof storedRecordSchema>;

/** A served record as the reader yields it, with its true label when one has arrived. */
export interface ServedRecord {
  readonly time: Date;
  readonly requestId: string;
  readonly recordId?: string | number;
  readonly model: string;
  readonly version: string;
  /** As received; see {@link featuresAsUsed} for what the model scored. */
  readonly features: Readonly<Record<string, FeatureValue>>;
  readonly unseen: readonly string[];
  readonly probability: number;
  /** The predicted class label (text). */
  readonly label: string;
  /** [negative, positive] when the writer recorded them. */
  readonly classes?: readonly [string, string];
  /** Field path → original length, for every value cut by the caps. */
  readonly truncated?: Readonly<Record<string, number>>;
  /** The true label (class text) from feedback, when one arrived. */
  readonly trueLabel?: string;
}

/** The record a validated stored value describes (plus its true label, if any). */
export function servedRecord(stored: StoredRecord, trueLabel?: string): ServedRecord {
  return {
    time: new Date(stored.time),
    requestId: stored.request_id,
    ...(stored.record_id === undefined ? {} : { recordId: stored.record_id }),
    model: stored.model,
    version: stored.version,
    features: stored.features,
    unseen: stored.unseen ?? [],
    probability: stored.probability,
    label: String(stored.label),
    ...(stored.classes === undefined ? {} : { classes: stored.classes }),
    ...(stored.truncated === undefined ? {} : { truncated: stored.truncated }),
    ...(trueLabel === undefined ? {} : { trueLabel }),
  };
}

/** The features as the model scored them: unseen categories as missing (null). */
export function featuresAsUsed(record: ServedRecord): Record<string, FeatureValue> {
  const unseen = new Set(record.unseen);
  // fromEntries defines own keys, so even a feature named `__proto__` stays a feature.
  return Object.fromEntries(
    Object.entries(record.features).map(([name, value]) => [name, unseen.has(name) ? null : value]),
  );
}

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
 * The JSON text for `record` (snake_case keys), without newline. Strings are capped before
 * they are serialized (a 31 MB category costs a slice, not a 31 MB line); a line still over
 * `maxRecordBytes` is written without its features. Either way the line's `truncated` field
 * names what was cut and its original length.
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
    ...(record.unseen === undefined || record.unseen.length === 0 ? {} : { unseen: record.unseen }),
    probability: record.probability,
    label: capper.cap('label', record.label),
    classes: [
      capper.cap('classes.0', record.classes[0]),
      capper.cap('classes.1', record.classes[1]),
    ],
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
