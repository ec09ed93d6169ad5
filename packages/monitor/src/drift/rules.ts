/**
 * Evidently 0.7's DataDriftPreset rules, reimplemented from its source:
 * - column type, inferred on the *current* data (Evidently builds the data definition from the
 *   current dataset): float → numerical; integer → categorical when it has ≤ 10 distinct values,
 *   else numerical; text → categorical, or free text when distinct values exceed half the
 *   non-missing rows (text drift is not supported here; such columns are reported as skipped).
 *   This is why credit_data's integer `Time` (11 values overall, 10 in a sample without the one
 *   72) is tested with chi-square.
 * - method, from the reference's non-missing row count and the distinct values of both sides:
 *   ≤ 1,000 rows: numerical → KS (> 5 values), chi-square (3-5), Z-test (≤ 2); categorical →
 *   chi-square (> 2 values) or Z-test. > 1,000 rows: numerical → normed Wasserstein (> 5 values)
 *   else Jensen-Shannon; categorical → Jensen-Shannon.
 * - thresholds: p-value tests 0.05 (KS drifts at p ≤ 0.05, chi-square and Z at p < 0.05);
 *   distances 0.1 (drift at ≥ 0.1).
 */
import type { ColumnData } from './column-data.js';
import { distinctValues } from './column-data.js';

export const METHODS = ['ks', 'chisquare', 'ztest', 'wasserstein', 'jensenshannon'] as const;
export type DriftMethod = (typeof METHODS)[number];
export type DriftColumnType = 'numerical' | 'categorical' | 'text';

const INTEGER_CARDINALITY_LIMIT = 10;
const SMALL_REFERENCE_ROWS = 1000;

/** Evidently's `infer_column_type` on the current side's column. */
export function inferColumnType(current: ColumnData): DriftColumnType {
  if (current.storage === 'float') return 'numerical';
  const distinct = distinctValues(current);
  if (current.storage === 'int') {
    return distinct <= INTEGER_CARDINALITY_LIMIT ? 'categorical' : 'numerical';
  }
  const present = current.rows - current.missing;
  return distinct > present * 0.5 ? 'text' : 'categorical';
}

/** Evidently's default method for a column. */
export function defaultMethod(
  type: 'numerical' | 'categorical',
  referenceRows: number,
  distinct: number,
): DriftMethod {
  if (referenceRows <= SMALL_REFERENCE_ROWS) {
    if (type === 'numerical' && distinct > 5) return 'ks';
    return distinct > 2 ? 'chisquare' : 'ztest';
  }
  if (type === 'numerical' && distinct > 5) return 'wasserstein';
  return 'jensenshannon';
}

/** The method's default threshold. */
export function defaultThreshold(method: DriftMethod): number {
  return method === 'wasserstein' || method === 'jensenshannon' ? 0.1 : 0.05;
}

/** Whether a score means drift for the method at the threshold. */
export function isDrift(method: DriftMethod, score: number, threshold: number): boolean {
  if (method === 'ks') return score <= threshold;
  if (method === 'chisquare' || method === 'ztest') return score < threshold;
  return score >= threshold;
}
