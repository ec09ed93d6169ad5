/**
 * The flip test of a binary sensitive feature: score every row again with its value swapped for
 * the other one (missing values stay) and measure how far the probability moves. A model that
 * does not use the feature moves by 0.
 */
import type { FlipResult } from '@champion/tabular';
import { MISSING_GROUP } from './groups.js';

/** A model input column as the model takes it: float32 numbers or category strings. */
export type InputColumn = Float32Array | readonly string[];

/** The column's two values when it has exactly two (missing aside), else undefined. */
export function binaryValues(keys: readonly string[]): [string, string] | undefined {
  const values = new Set(keys);
  values.delete(MISSING_GROUP);
  if (values.size !== 2) return undefined;
  const [a = '', b = ''] = [...values].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
  return [a, b];
}

/** The column with `values[0]` and `values[1]` swapped on every row holding one of them. */
export function flippedColumn(options: {
  column: InputColumn;
  keys: readonly string[];
  values: readonly [string, string];
}): InputColumn {
  const { column, keys, values } = options;
  const other = (key: string | undefined): string | undefined =>
    key === values[0] ? values[1] : key === values[1] ? values[0] : undefined;
  if (column instanceof Float32Array) {
    return column.map((v, i) => {
      const to = other(keys[i]);
      return to === undefined ? v : Number(to);
    });
  }
  return column.map((v, i) => other(keys[i]) ?? v);
}

/** max and mean |flipped − base| over the rows holding one of the two values. */
export function flipDeltas(options: {
  base: Float32Array;
  flipped: Float32Array;
  keys: readonly string[];
  values: readonly [string, string];
}): FlipResult {
  const { base, flipped, keys, values } = options;
  let rows = 0;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    if (keys[i] !== values[0] && keys[i] !== values[1]) continue;
    const delta = Math.abs((flipped[i] ?? 0) - (base[i] ?? 0));
    rows++;
    sum += delta;
    if (delta > max) max = delta;
  }
  return {
    values: [values[0], values[1]],
    rows,
    max_abs_delta: max,
    mean_abs_delta: rows > 0 ? sum / rows : 0,
  };
}
