/**
 * The drift report: for each column of the current data that the reference also has, Evidently's
 * type, method, score and decision, plus missing and unseen-category rates; the share of drifted
 * columns and the dataset decision (share ≥ 0.5 by default).
 */
import type { ColumnData, DatasetData } from './column-data.js';
import { categoriesOf } from './column-data.js';
import { DriftError } from './errors.js';
import type { DriftColumnType, DriftMethod } from './rules.js';
import { defaultMethod, defaultThreshold, inferColumnType, isDrift } from './rules.js';
import { chiSquareTest, jensenShannonCategorical, zTest } from './stats/categorical.js';
import { jensenShannonNumeric, wasserstein } from './stats/distances.js';
import { ksTwoSample } from './stats/ks.js';
import { populationStd } from './stats/sample.js';

export interface DriftOptions {
  /** Method for every column (Evidently's `method`). */
  readonly method?: DriftMethod;
  /** Method per column; wins over `method`. */
  readonly perColumnMethod?: Readonly<Record<string, DriftMethod>>;
  /** Threshold for every column (default: the method's). */
  readonly threshold?: number;
  readonly perColumnThreshold?: Readonly<Record<string, number>>;
  /** Columns left out. */
  readonly exclude?: readonly string[];
  /** Dataset drift when the drifted share is at least this. @default 0.5 */
  readonly driftShare?: number;
}

export interface ColumnDrift {
  readonly name: string;
  readonly type: 'numerical' | 'categorical';
  readonly method: DriftMethod;
  readonly score: number;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly reference: SideFacts;
  readonly current: SideFacts;
  /** Share of current non-missing values in a category the reference never had (categorical). */
  readonly unseenShare: number | null;
}

export interface SideFacts {
  readonly rows: number;
  readonly missingShare: number;
}

export interface SkippedColumn {
  readonly name: string;
  readonly reason: string;
}

export interface DriftResult {
  readonly columns: readonly ColumnDrift[];
  readonly skipped: readonly SkippedColumn[];
  readonly share: number;
  readonly drifted: boolean;
  readonly driftedCount: number;
  readonly referenceRows: number;
  readonly currentRows: number;
}

function score(method: DriftMethod, reference: ColumnData, current: ColumnData): number {
  const numeric = reference.kind === 'numeric' && current.kind === 'numeric';
  if (method === 'ks' || method === 'wasserstein') {
    if (reference.kind !== 'numeric' || current.kind !== 'numeric') {
      throw new DriftError({
        code: 'BAD_DRIFT_METHOD',
        message: `column ${reference.name}: ${method} needs numbers on both sides, and one side holds text`,
      });
    }
    if (method === 'ks') return ksTwoSample(reference.sample, current.sample).pValue;
    const norm = Math.max(populationStd(reference.sample), 0.001);
    return wasserstein(reference.sample, current.sample) / norm;
  }
  if (method === 'jensenshannon' && numeric) {
    return jensenShannonNumeric(reference.sample, current.sample);
  }
  const r = categoriesOf(reference);
  const c = categoriesOf(current);
  if (method === 'chisquare') return chiSquareTest(r, c);
  if (method === 'ztest') return zTest(r, c);
  return jensenShannonCategorical(r, c);
}

function unseenShare(reference: ColumnData, current: ColumnData): number {
  const known = categoriesOf(reference).counts;
  const { counts, total } = categoriesOf(current);
  let unseen = 0;
  for (const [key, count] of counts) if (!known.has(key)) unseen += count;
  return total === 0 ? 0 : unseen / total;
}

function facts(column: ColumnData): SideFacts {
  return { rows: column.rows, missingShare: column.rows === 0 ? 0 : column.missing / column.rows };
}

function present(column: ColumnData): number {
  return column.kind === 'numeric' ? column.sample.total : column.categories.total;
}

function unionDistinct(reference: ColumnData, current: ColumnData): number {
  const keys = new Set(categoriesOf(reference).counts.keys());
  for (const key of categoriesOf(current).counts.keys()) keys.add(key);
  return keys.size;
}

interface ColumnPair {
  readonly reference: ColumnData;
  readonly current: ColumnData;
  readonly type: 'numerical' | 'categorical';
}

function columnDrift(pair: ColumnPair, options: DriftOptions): ColumnDrift {
  const { reference, current, type } = pair;
  const method =
    options.perColumnMethod?.[current.name] ??
    options.method ??
    defaultMethod(type, present(reference), unionDistinct(reference, current));
  const threshold =
    options.perColumnThreshold?.[current.name] ?? options.threshold ?? defaultThreshold(method);
  const value = score(method, reference, current);
  return {
    name: current.name,
    type,
    method,
    score: value,
    threshold,
    drifted: isDrift(method, value, threshold),
    reference: facts(reference),
    current: facts(current),
    unseenShare: type === 'categorical' ? unseenShare(reference, current) : null,
  };
}

function skipReason(
  type: DriftColumnType,
  reference: ColumnData,
  current: ColumnData,
): string | undefined {
  if (type === 'text')
    return 'free text (more distinct values than half the rows): text drift is not computed';
  if (present(reference) === 0) return 'no value in the reference';
  if (present(current) === 0) return 'no value in the current data';
  if (type === 'numerical' && reference.kind !== 'numeric')
    return 'numbers in the current data, text in the reference';
  return undefined;
}

/** Compares the current data with the reference, column by column. */
export function computeDrift(
  reference: DatasetData,
  current: DatasetData,
  options: DriftOptions = {},
): DriftResult {
  const byName = new Map(reference.columns.map((c) => [c.name, c]));
  const excluded = new Set(options.exclude ?? []);
  const columns: ColumnDrift[] = [];
  const skipped: SkippedColumn[] = [];
  for (const column of current.columns) {
    if (excluded.has(column.name)) continue;
    const ref = byName.get(column.name);
    if (ref === undefined) {
      skipped.push({ name: column.name, reason: 'not in the reference' });
      continue;
    }
    const type = inferColumnType(column);
    const reason = skipReason(type, ref, column);
    if (reason !== undefined || type === 'text') {
      skipped.push({ name: column.name, reason: reason ?? 'text' });
      continue;
    }
    columns.push(columnDrift({ reference: ref, current: column, type }, options));
  }
  const inCurrent = new Set(current.columns.map((c) => c.name));
  for (const ref of reference.columns) {
    if (!inCurrent.has(ref.name) && !excluded.has(ref.name))
      skipped.push({ name: ref.name, reason: 'not in the current data' });
  }
  const driftedCount = columns.filter((c) => c.drifted).length;
  const share = columns.length === 0 ? 0 : driftedCount / columns.length;
  return {
    columns,
    skipped,
    share,
    drifted: columns.length > 0 && share >= (options.driftShare ?? 0.5),
    driftedCount,
    referenceRows: reference.rows,
    currentRows: current.rows,
  };
}
