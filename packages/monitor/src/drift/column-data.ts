/**
 * What the drift engine knows about one column of one side (reference or current): its storage
 * type as pandas would infer it from the same file (Evidently's type inference starts there), its
 * missing count, and its values, as a sorted numeric sample or as category counts.
 */
import type { CategoryCounts } from './stats/categorical.js';
import type { WeightedSample } from './stats/sample.js';

/** pandas' dtype family for the column: int64, float64 or object (text). */
export type StorageType = 'int' | 'float' | 'object';

export interface NumericColumnData {
  readonly name: string;
  readonly kind: 'numeric';
  readonly storage: 'int' | 'float';
  /** Rows, missing included. */
  readonly rows: number;
  readonly missing: number;
  /** Finite values, sorted. */
  readonly sample: WeightedSample;
}

export interface CategoricalColumnData {
  readonly name: string;
  readonly kind: 'categorical';
  readonly storage: 'object';
  readonly rows: number;
  readonly missing: number;
  readonly categories: CategoryCounts;
}

export type ColumnData = NumericColumnData | CategoricalColumnData;

/** A side of the comparison: its columns by name, in order. */
export interface DatasetData {
  readonly rows: number;
  readonly columns: readonly ColumnData[];
}

/** Canonical text of a number used as a category (60 and 60.0 are one category, as in pandas). */
export function numberKey(value: number): string {
  return String(value);
}

/** The column's categories: its own, or its numbers as categories. */
export function categoriesOf(column: ColumnData): CategoryCounts {
  if (column.kind === 'categorical') return column.categories;
  const counts = new Map<string, number>();
  const { values, counts: weights } = column.sample;
  for (let i = 0; i < values.length; i++) {
    const key = numberKey(values[i] ?? NaN);
    counts.set(key, (counts.get(key) ?? 0) + (weights?.[i] ?? 1));
  }
  return { counts, total: column.sample.total, numeric: true };
}

/** Distinct non-missing values. */
export function distinctValues(column: ColumnData): number {
  return categoriesOf(column).counts.size;
}
