/** Joins the batches of concurrent callers into one, column by column, without per-row objects. */
import type { FeatureBatch } from '../types.js';

type ColumnData = Float32Array | readonly string[];

function concatColumn(parts: readonly ColumnData[], total: number): ColumnData {
  const first = parts[0];
  if (first instanceof Float32Array) {
    const out = new Float32Array(total);
    let offset = 0;
    for (const part of parts) {
      out.set(part as Float32Array, offset);
      offset += part.length;
    }
    return out;
  }
  const out: string[] = [];
  for (const part of parts) for (const value of part as readonly string[]) out.push(value);
  return out;
}

/** One batch holding the rows of `batches` in order; the same object when there is only one. */
export function concatBatches(batches: readonly FeatureBatch[]): FeatureBatch {
  const [only] = batches;
  if (batches.length === 1 && only !== undefined) return only;
  const rows = batches.reduce((sum, b) => sum + b.rows, 0);
  const width = only?.columns.length ?? 0;
  const columns: ColumnData[] = [];
  for (let c = 0; c < width; c++) {
    columns.push(
      concatColumn(
        batches.map((b) => b.columns[c] ?? []),
        rows,
      ),
    );
  }
  return { rows, columns };
}

/** Rows [start, end) of `batch`; numeric columns are views, not copies. */
export function sliceBatch(
  batch: FeatureBatch,
  range: { start: number; end: number },
): FeatureBatch {
  const { start, end } = range;
  return {
    rows: end - start,
    columns: batch.columns.map((c) =>
      c instanceof Float32Array ? c.subarray(start, end) : c.slice(start, end),
    ),
  };
}

/** The scores of consecutive chunks as one pair of arrays. */
export function concatScores(
  parts: readonly { probability: Float32Array; label: BigInt64Array }[],
): {
  probability: Float32Array;
  label: BigInt64Array;
} {
  const rows = parts.reduce((sum, p) => sum + p.probability.length, 0);
  const probability = new Float32Array(rows);
  const label = new BigInt64Array(rows);
  let offset = 0;
  for (const p of parts) {
    probability.set(p.probability, offset);
    label.set(p.label, offset);
    offset += p.probability.length;
  }
  return { probability, label };
}
