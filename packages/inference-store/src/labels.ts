/**
 * Labels: the true class of a served record, sent later (POST /feedback, `champion monitor
 * labels`). The rules shared by both backends: what a label item is (zod), and when a label
 * matches the class labels of the model that scored the record.
 */
import { z } from 'zod';
import { InferenceStoreError } from './errors.js';

/** A request id as serving issues them (X-Request-Id token, `-<row>` for a batch row). */
export const requestIdSchema = z.string().regex(/^[\w.:-]{1,200}$/, {
  message: 'a request id is 1-200 characters of letters, digits, _ . : -',
});

/** One label as a client sends it. */
export const labelItemSchema = z.strictObject({
  request_id: requestIdSchema,
  label: z.union([z.string().min(1).max(1024), z.number()]),
});
export type LabelItem = z.infer<typeof labelItemSchema>;

/** `items` checked one by one; throws INVALID_LABELS naming the first bad item and field. */
export function checkLabelItems(items: readonly unknown[]): LabelItem[] {
  return items.map((item, index) => {
    const parsed = labelItemSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new InferenceStoreError({
      code: 'INVALID_LABELS',
      message: `Label ${index}: ${String(issue?.path[0] ?? 'item')}: ${issue?.message ?? 'invalid'}.`,
    });
  });
}

/** A label as stored: the class text of the model's classes. */
export interface StoredLabel {
  readonly requestId: string;
  readonly label: string;
  readonly time: Date;
}

/** A label line/row read back. */
export const storedLabelSchema = z.object({
  time: z.iso.datetime(),
  request_id: z.string().min(1),
  label: z.string(),
});

/** What happened to a set of labels. */
export interface LabelOutcome {
  /** Labels stored (a later label for the same request id replaces the earlier one). */
  readonly accepted: number;
  /** Request ids the store holds no record for (nothing stored for them). */
  readonly unknown: readonly string[];
  /** Labels that are not one of the scoring model's classes (nothing stored for them). */
  readonly invalid: readonly { requestId: string; label: string | number; problem: string }[];
}

/**
 * The class text `label` names among `classes` ([negative, positive]), or undefined. A number
 * matches a class whose text is the same number (`1` matches "1" and "1.0").
 */
export function matchClass(
  label: string | number,
  classes: readonly [string, string],
): string | undefined {
  const text = String(label);
  const exact = classes.find((c) => c === text);
  if (exact !== undefined) return exact;
  const n = typeof label === 'number' ? label : Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return undefined;
  return classes.find((c) => c.trim() !== '' && Number(c) === n);
}

/**
 * Splits `items` into labels to store, unknown ids and invalid labels, given the classes of the
 * records found (`classes` by request id; `null` when a record predates stored classes, so any
 * label is taken as sent).
 */
export function judgeLabels(
  items: readonly LabelItem[],
  classes: ReadonlyMap<string, readonly [string, string] | null>,
  time: Date,
): { store: StoredLabel[]; outcome: LabelOutcome } {
  const store: StoredLabel[] = [];
  const unknown: string[] = [];
  const invalid: { requestId: string; label: string | number; problem: string }[] = [];
  for (const item of items) {
    const known = classes.get(item.request_id);
    if (known === undefined) {
      unknown.push(item.request_id);
      continue;
    }
    const label = known === null ? String(item.label) : matchClass(item.label, known);
    if (label === undefined) {
      invalid.push({
        requestId: item.request_id,
        label: item.label,
        problem: `label ${JSON.stringify(item.label)} is not one of the model's classes ${JSON.stringify(known)}`,
      });
      continue;
    }
    store.push({ requestId: item.request_id, label, time });
  }
  return { store, outcome: { accepted: store.length, unknown, invalid } };
}
