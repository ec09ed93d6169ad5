/**
 * Small histograms of both sides of each column for the HTML report: 20 equal-width bins over the
 * range of both samples for numbers, the 12 most frequent categories for text. Their size does
 * not depend on the data's.
 */
import type { ColumnData } from '../drift/column-data.js';
import { categoriesOf } from '../drift/column-data.js';
import { entries, type WeightedSample } from '../drift/stats/sample.js';

export interface Histogram {
  readonly labels: readonly string[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

const BINS = 20;
const TOP = 12;

function binShares(sample: WeightedSample, lo: number, width: number): number[] {
  const shares = new Array<number>(BINS).fill(0);
  for (const [value, count] of entries(sample)) {
    const bin = width === 0 ? 0 : Math.min(BINS - 1, Math.floor((value - lo) / width));
    shares[bin] = (shares[bin] ?? 0) + count / sample.total;
  }
  return shares;
}

function format(x: number): string {
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0)
    ? x.toExponential(2)
    : String(Number(x.toPrecision(4)));
}

function numericHistogram(reference: WeightedSample, current: WeightedSample): Histogram {
  const lo = Math.min(reference.values[0] ?? Infinity, current.values[0] ?? Infinity);
  const hi = Math.max(reference.values.at(-1) ?? -Infinity, current.values.at(-1) ?? -Infinity);
  const width = (hi - lo) / BINS;
  return {
    labels: Array.from({ length: BINS }, (_, b) => format(lo + b * width)),
    reference: binShares(reference, lo, width),
    current: binShares(current, lo, width),
  };
}

function categoricalHistogram(reference: ColumnData, current: ColumnData): Histogram {
  const r = categoriesOf(reference);
  const c = categoriesOf(current);
  const totals = new Map<string, number>();
  for (const [k, n] of r.counts) totals.set(k, (totals.get(k) ?? 0) + n / r.total);
  for (const [k, n] of c.counts) totals.set(k, (totals.get(k) ?? 0) + n / c.total);
  const top = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([k]) => k);
  return {
    labels: top.map((k) => (k.startsWith('\u0000') ? '(other)' : k)),
    reference: top.map((k) => (r.counts.get(k) ?? 0) / r.total),
    current: top.map((k) => (c.counts.get(k) ?? 0) / c.total),
  };
}

/** The histogram of one column, drawn the way the drift test saw it. */
export function columnHistogram(
  reference: ColumnData,
  current: ColumnData,
  type: 'numerical' | 'categorical',
): Histogram {
  if (type === 'numerical' && reference.kind === 'numeric' && current.kind === 'numeric') {
    return numericHistogram(reference.sample, current.sample);
  }
  return categoricalHistogram(reference, current);
}

/** The histogram of two score samples. */
export function scoreHistogram(reference: WeightedSample, current: WeightedSample): Histogram {
  return numericHistogram(reference, current);
}
