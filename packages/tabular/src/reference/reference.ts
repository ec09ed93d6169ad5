/**
 * The drift reference stored with a model (`champion/reference.json`): per feature the exact
 * distribution of the reference rows — sorted distinct numbers with their counts, or category
 * counts — and the scores the model gave them, so the monitor's KS, Wasserstein, chi-square and
 * Jensen-Shannon figures are the ones raw rows would give. The trainer stores the training split's
 * features and the test split's scores. Built here (not in the monitor) so the
 * trainer can write it without depending on the monitor.
 *
 * Size bound: at most `maxDistinct` (default 10,000) entries per column, so a file holds at most
 * about (features + 1) × maxDistinct × 2 numbers (~ 10 MB for 30 features). A numeric column with
 * more distinct values is stored as `maxDistinct` equal-count groups (each group's middle value
 * with the group's count), marked `exact: false`: its empirical CDF is then off by at most one
 * group's share (1 / maxDistinct) at any point, which bounds the KS statistic's error. A
 * categorical column with more categories keeps the most frequent ones and counts the rest in
 * `otherCount`.
 */
import { TabularError } from '../errors.js';
import type { Column, Table } from '../table.js';

export const REFERENCE_FORMAT = 'champion-drift-reference';
export const DEFAULT_MAX_DISTINCT = 10_000;

export interface NumericReference {
  readonly name: string;
  readonly kind: 'numeric';
  /** pandas' dtype for the column: int64 when whole numbers without missing values. */
  readonly storage: 'int' | 'float';
  readonly rows: number;
  readonly missing: number;
  /** Ascending distinct finite values (group representatives when not exact). */
  readonly values: number[];
  readonly counts: number[];
  readonly exact: boolean;
}

export interface CategoricalReference {
  readonly name: string;
  readonly kind: 'categorical';
  readonly rows: number;
  readonly missing: number;
  readonly categories: Record<string, number>;
  /** Rows in categories beyond the cap (0 when exact). */
  readonly otherCount: number;
  readonly exact: boolean;
}

export type ColumnReference = NumericReference | CategoricalReference;

export interface ScoreReference {
  readonly values: number[];
  readonly counts: number[];
  readonly exact: boolean;
  /** Share of reference rows at or above the decision threshold. */
  readonly positiveRate: number;
  readonly threshold: number;
}

/** Stored as `champion/reference.json`. */
export interface DriftReference {
  readonly format: typeof REFERENCE_FORMAT;
  readonly version: 1;
  /** What the rows are, e.g. "test split". */
  readonly rowsFrom: string;
  readonly rows: number;
  readonly maxDistinct: number;
  readonly columns: ColumnReference[];
  readonly scores?: ScoreReference;
}

export interface BuildReferenceOptions {
  /** Columns to keep, in order (default: all). */
  readonly columns?: readonly string[];
  /** Row indices of the table to use (default: all rows). */
  readonly rows?: ArrayLike<number>;
  readonly rowsFrom?: string;
  /** The model's probabilities for those rows, and its threshold. */
  readonly scores?: { readonly probabilities: ArrayLike<number>; readonly threshold: number };
  /** @default DEFAULT_MAX_DISTINCT */
  readonly maxDistinct?: number;
}

function pick(values: ArrayLike<number>, rows: ArrayLike<number> | undefined): Float64Array {
  if (rows === undefined) return Float64Array.from(values);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] ?? 0] ?? NaN;
  return out;
}

/** Distinct values and counts of sorted finite values, grouped when over the cap. */
export function distinctWithCounts(
  sorted: Float64Array,
  maxDistinct: number,
): { values: number[]; counts: number[]; exact: boolean } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? NaN;
    if (i > 0 && v === sorted[i - 1])
      counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1;
    else {
      values.push(v);
      counts.push(1);
    }
  }
  if (values.length <= maxDistinct) return { values, counts, exact: true };
  const grouped = { values: [] as number[], counts: [] as number[], exact: false };
  for (let g = 0; g < maxDistinct; g++) {
    const start = Math.floor((g * sorted.length) / maxDistinct);
    const end = Math.floor(((g + 1) * sorted.length) / maxDistinct);
    if (end <= start) continue;
    const middle = sorted[Math.floor((start + end - 1) / 2)] ?? NaN;
    const last = grouped.values.length - 1;
    if (last >= 0 && grouped.values[last] === middle)
      grouped.counts[last] = (grouped.counts[last] ?? 0) + end - start;
    else {
      grouped.values.push(middle);
      grouped.counts.push(end - start);
    }
  }
  return grouped;
}

function numericReference(
  name: string,
  values: Float64Array,
  maxDistinct: number,
): NumericReference {
  let missing = 0;
  let integral = true;
  const finite: number[] = [];
  for (const v of values) {
    if (Number.isNaN(v)) missing++;
    else {
      if (!Number.isInteger(v)) integral = false;
      if (Number.isFinite(v)) finite.push(v);
    }
  }
  const sorted = Float64Array.from(finite).sort();
  const storage = integral && missing === 0 ? 'int' : 'float';
  return {
    name,
    kind: 'numeric',
    storage,
    rows: values.length,
    missing,
    ...distinctWithCounts(sorted, maxDistinct),
  };
}

function categoricalReference(
  column: Extract<Column, { kind: 'categorical' }>,
  rows: ArrayLike<number> | undefined,
  maxDistinct: number,
): CategoricalReference {
  const counts = new Float64Array(column.dictionary.length);
  let missing = 0;
  const n = rows === undefined ? column.codes.length : rows.length;
  for (let i = 0; i < n; i++) {
    const code = column.codes[rows === undefined ? i : (rows[i] ?? 0)] ?? -1;
    if (code < 0) missing++;
    else counts[code] = (counts[code] ?? 0) + 1;
  }
  const ranked = column.dictionary
    .map((key, code) => [key, counts[code] ?? 0] as const)
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const categories: Record<string, number> = {};
  let otherCount = 0;
  ranked.forEach(([key, c], i) => {
    if (i < maxDistinct) categories[key] = c;
    else otherCount += c;
  });
  return {
    name: column.name,
    kind: 'categorical',
    rows: n,
    missing,
    categories,
    otherCount,
    exact: otherCount === 0,
  };
}

function scoreReference(
  scores: NonNullable<BuildReferenceOptions['scores']>,
  maxDistinct: number,
): ScoreReference {
  const finite = Array.from(scores.probabilities).filter((p) => Number.isFinite(p));
  let positive = 0;
  for (const p of finite) if (p >= scores.threshold) positive++;
  const sorted = Float64Array.from(finite).sort();
  return {
    ...distinctWithCounts(sorted, maxDistinct),
    positiveRate: finite.length === 0 ? 0 : positive / finite.length,
    threshold: scores.threshold,
  };
}

/** Builds the drift reference of a table's rows (see the module header for the size bound). */
export function buildReference(table: Table, options: BuildReferenceOptions = {}): DriftReference {
  const maxDistinct = options.maxDistinct ?? DEFAULT_MAX_DISTINCT;
  const wanted = options.columns ?? table.columns.map((c) => c.name);
  const columns = wanted.map((name): ColumnReference => {
    const column = table.columns.find((c) => c.name === name);
    if (column === undefined) {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `cannot build the drift reference of column ${name}: the table has no such column`,
      });
    }
    if (column.kind === 'numeric')
      return numericReference(name, pick(column.values, options.rows), maxDistinct);
    return categoricalReference(column, options.rows, maxDistinct);
  });
  return {
    format: REFERENCE_FORMAT,
    version: 1,
    rowsFrom: options.rowsFrom ?? 'all rows',
    rows: options.rows === undefined ? table.rowCount : options.rows.length,
    maxDistinct,
    columns,
    ...(options.scores === undefined
      ? {}
      : { scores: scoreReference(options.scores, maxDistinct) }),
  };
}
