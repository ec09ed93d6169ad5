/**
 * Percentile bootstrap intervals of a group's selection rate, TPR and FPR: resample the group's
 * rows with replacement (seeded, so the same data and seed give the same intervals), compute the
 * rates of each resample, and take the (1 − level)/2 and (1 + level)/2 quantiles. Resamples
 * where a rate is undefined (no positives drawn, for the TPR) are left out of that rate's
 * interval; with none left, the interval is null.
 */
import type { Rng } from '@champion/tabular';
import { countRows, ratesOf, type Decisions } from './rates.js';

export interface BootstrapOptions {
  /** @default 200 */
  readonly resamples: number;
  /** @default 0.95 */
  readonly level: number;
  /** @default 42 */
  readonly seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 200, level: 0.95, seed: 42 };

export type Interval = [number, number] | null;

export interface RateIntervals {
  readonly selection_rate: Interval;
  readonly tpr: Interval;
  readonly fpr: Interval;
}

/** Quantile with linear interpolation (numpy's default) of ascending values. */
function quantile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (position - lo) * (b - a);
}

function interval(values: number[], level: number): Interval {
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  return [quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2)];
}

export function bootstrapIntervals(options: {
  decisions: Decisions;
  rows: ArrayLike<number>;
  resamples: number;
  level: number;
  rng: Rng;
}): RateIntervals {
  const { rows, rng } = options;
  const selection: number[] = [];
  const tpr: number[] = [];
  const fpr: number[] = [];
  if (rows.length === 0) return { selection_rate: null, tpr: null, fpr: null };
  const draw = new Uint32Array(rows.length);
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < draw.length; i++) draw[i] = rows[rng.int(rows.length)] ?? 0;
    const rates = ratesOf(countRows(options.decisions, draw));
    selection.push(rates.selection_rate);
    if (rates.tpr !== null) tpr.push(rates.tpr);
    if (rates.fpr !== null) fpr.push(rates.fpr);
  }
  return {
    selection_rate: interval(selection, options.level),
    tpr: interval(tpr, options.level),
    fpr: interval(fpr, options.level),
  };
}
