/**
 * Reference profiles (champion/profile.json): the training data's distribution per feature and of
 * the scores, which the monitor compares live traffic against (PSI, KS, category shifts). Bins are
 * training-data deciles; `binIndex` is the one rule for assigning a value to a bin, so the monitor
 * and the profile can never disagree on bin boundaries.
 */
import { valueCounts } from './column-values.js';
import { TabularError } from './errors.js';
import type { Column, NumericColumn, Table, TableSchema } from './table.js';

/** Distribution of a numeric feature (or of the scores). */
export interface NumericProfile {
  readonly name: string;
  readonly type: 'numeric';
  readonly count: number;
  readonly missingShare: number;
  /** Inner bin edges, strictly increasing; bin i is (edges[i-1], edges[i]], the ends open. */
  readonly edges: readonly number[];
  /** Share of non-missing values per bin; `edges.length + 1` entries summing to 1. */
  readonly frequencies: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
  readonly quantiles: Readonly<
    Record<'p01' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95' | 'p99', number>
  >;
}

/** Distribution of a categorical feature. */
export interface CategoricalProfile {
  readonly name: string;
  readonly type: 'categorical';
  readonly count: number;
  readonly missingShare: number;
  /** Share of non-missing values for the most frequent categories (at most `topCategories`). */
  readonly frequencies: Readonly<Record<string, number>>;
  /** Share of non-missing values in all other categories. */
  readonly otherShare: number;
  readonly distinct: number;
}

export type FeatureProfile = NumericProfile | CategoricalProfile;

/** Stored as `champion/profile.json`. */
export interface Profile {
  readonly version: 1;
  readonly rows: number;
  readonly features: readonly FeatureProfile[];
  readonly scores?: NumericProfile;
}

export interface ProfileOptions {
  /** @default 10 */
  readonly bins?: number;
  /** @default 50 */
  readonly topCategories?: number;
}

/** Quantile of sorted values by linear interpolation (type 7, as numpy's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

/** The bin of `value` for inner `edges` (see {@link NumericProfile.edges}); NaN → -1. */
export function binIndex(edges: readonly number[], value: number): number {
  if (Number.isNaN(value)) return -1;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= (edges[mid] ?? Infinity)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function profileValues(name: string, values: ArrayLike<number>, bins: number): NumericProfile {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isNaN(v)) present.push(v);
  }
  const sorted = Float64Array.from(present).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = n > 0 ? sum / n : NaN;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) * (v - mean);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const edge = quantileSorted(sorted, b / bins);
    // Ties (e.g. many zeros) collapse deciles; keep edges strictly increasing and inside the range.
    if (
      !Number.isNaN(edge) &&
      (edges.length === 0 || edge > (edges[edges.length - 1] ?? -Infinity)) &&
      edge < (sorted[n - 1] ?? NaN)
    ) {
      edges.push(edge);
    }
  }
  const counts = new Float64Array(edges.length + 1);
  for (const v of sorted) counts[binIndex(edges, v)] = (counts[binIndex(edges, v)] ?? 0) + 1;
  const q = (p: number): number => quantileSorted(sorted, p);
  return {
    name,
    type: 'numeric',
    count: values.length,
    missingShare: values.length === 0 ? 0 : (values.length - n) / values.length,
    edges,
    frequencies: Array.from(counts, (c) => (n === 0 ? 0 : c / n)),
    min: n > 0 ? (sorted[0] ?? NaN) : NaN,
    max: n > 0 ? (sorted[n - 1] ?? NaN) : NaN,
    mean,
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    quantiles: {
      p01: q(0.01),
      p05: q(0.05),
      p25: q(0.25),
      p50: q(0.5),
      p75: q(0.75),
      p95: q(0.95),
      p99: q(0.99),
    },
  };
}

function profileNumeric(column: NumericColumn, bins: number): NumericProfile {
  return profileValues(column.name, column.values, bins);
}

function profileCategorical(column: Column, top: number): CategoricalProfile {
  const { counts, missing } = valueCounts(column);
  const total = column.kind === 'numeric' ? column.values.length : column.codes.length;
  const present = total - missing;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const frequencies: Record<string, number> = {};
  let kept = 0;
  for (const [value, n] of ranked.slice(0, top)) {
    frequencies[value] = present === 0 ? 0 : n / present;
    kept += n;
  }
  return {
    name: column.name,
    type: 'categorical',
    count: total,
    missingShare: total === 0 ? 0 : missing / total,
    frequencies,
    otherShare: present === 0 ? 0 : (present - kept) / present,
    distinct: counts.size,
  };
}

/** Profiles every schema feature of the table (categorical features by their text values). */
export function buildProfile(
  table: Table,
  schema: TableSchema,
  options: ProfileOptions = {},
): Profile {
  const bins = options.bins ?? 10;
  const top = options.topCategories ?? 50;
  const features = schema.features.map((feature): FeatureProfile => {
    const column = table.columns.find((c) => c.name === feature.name);
    if (column === undefined) {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `cannot profile feature ${feature.name}: the table has no such column`,
      });
    }
    if (feature.type === 'numeric' && column.kind === 'numeric')
      return profileNumeric(column, bins);
    return profileCategorical(column, top);
  });
  return { version: 1, rows: table.rowCount, features };
}

/** Profiles predicted probabilities (the score distribution) with the same binning as features. */
export function profileScores(
  probabilities: ArrayLike<number>,
  options: ProfileOptions = {},
): NumericProfile {
  return profileValues('score', probabilities, options.bins ?? 10);
}
