/**
 * How a model's class labels are typed wherever they are answered (serving's /predict,
 * /invocations and /v2, the MLflow signature's `label` output): as the training target was. A
 * numeric target's classes are numbers (integers, as a 0/1 column, or other numbers), a text
 * target's are its strings. The pyfunc loader (trainer/python/champion_pyfunc.py) applies the
 * same rule in Python.
 */
/** What decides: the target's classes (as text) and its type in the training data. */
export interface LabelTarget {
  readonly positive: string;
  readonly negative: string;
  readonly type?: 'numeric' | 'text' | undefined;
}

/** `integer` (INT64 / `long`), `number` (FP64 / `double`) or `text` (BYTES / `string`). */
export type LabelKind = 'integer' | 'number' | 'text';

/** An integer as JavaScript and Python write it back: "0", "-1", not "01", "1.0", "+1". */
const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

function isSafeInteger(text: string): boolean {
  return CANONICAL_INTEGER.test(text) && Number.isSafeInteger(Number(text));
}

/**
 * The kind of `target`'s labels. A schema written before the target's type was recorded has no
 * `type`: its classes count as integers when both are written as integers (a 0/1 column, what
 * such models answered on /invocations and /v2), as text otherwise.
 */
export function labelKind(target: LabelTarget): LabelKind {
  const { type, positive, negative } = target;
  if (type === undefined)
    return isSafeInteger(positive) && isSafeInteger(negative) ? 'integer' : 'text';
  if (type !== 'numeric') return 'text';
  const texts = [positive, negative];
  if (texts.some((t) => t.trim() === '' || !Number.isFinite(Number(t)))) return 'text';
  return texts.every((t) => Number.isSafeInteger(Number(t))) ? 'integer' : 'number';
}

/** A class label as `kind` types it: the class text, or the number it writes. */
export function typedLabel(kind: LabelKind, text: string): string | number {
  return kind === 'text' ? text : Number(text);
}
