/**
 * A numeric sample as sorted values with optional repeat counts: raw rows (counts null, values
 * may repeat) and a stored reference (distinct values with counts) are the same object to every
 * statistic, so they give the same numbers.
 */

import { sortFloat64 } from './radix-sort.js';

export interface WeightedSample {
  /** Ascending, finite. Values may repeat. */
  readonly values: Float64Array;
  /** Repeat count of each entry of `values`; null means 1 each. */
  readonly counts: Float64Array | null;
  /** Sum of the counts (the number of rows). */
  readonly total: number;
}

/** Sorts finite values (NaN and ±Infinity dropped, as Evidently drops them). */
export function sampleFromValues(values: ArrayLike<number>): WeightedSample {
  let n = 0;
  const kept = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v)) kept[n++] = v;
  }
  const sorted = sortFloat64(kept.subarray(0, n));
  return { values: sorted, counts: null, total: n };
}

/** Distinct values with counts; the compact form when values repeat. */
export function compressSample(sample: WeightedSample): WeightedSample {
  const { values, counts } = sample;
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) distinct++;
  const outValues = new Float64Array(distinct);
  const outCounts = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[i - 1]) outValues[++k] = values[i] ?? NaN;
    outCounts[k] = (outCounts[k] ?? 0) + (counts === null ? 1 : (counts[i] ?? 0));
  }
  return { values: outValues, counts: outCounts, total: sample.total };
}

/** Number of distinct values. */
export function distinctCount(sample: WeightedSample): number {
  let distinct = 0;
  const { values } = sample;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) distinct++;
  return distinct;
}

/** Population standard deviation (ddof = 0, as numpy's `std`). */
export function populationStd(sample: WeightedSample): number {
  const { values, counts, total } = sample;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] ?? 0) * (counts?.[i] ?? 1);
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] ?? 0) - mean;
    squares += d * d * (counts?.[i] ?? 1);
  }
  return Math.sqrt(squares / total);
}

/** Iterates (value, count) pairs. */
export function* entries(sample: WeightedSample): Generator<[number, number]> {
  const { values, counts } = sample;
  for (let i = 0; i < values.length; i++) yield [values[i] ?? NaN, counts?.[i] ?? 1];
}
