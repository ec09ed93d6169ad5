/** Reliability of the probabilities: within each bin, the mean prediction vs the observed rate. */
import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';
import { checkInput, checkProbabilities } from './input.js';

export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  /** Weighted mean probability of the rows in the bin. */
  readonly meanPredicted: number;
  /** Weighted share of positives among them. */
  readonly fractionPositive: number;
  /** Total weight (row count without weights). */
  readonly weight: number;
}

export interface CalibrationOptions extends ScoredLabels {
  /** @default 10 */
  readonly bins?: number;
  /**
   * `'uniform'`: equal-width bins on [0, 1]; `'quantile'`: edges at quantiles of the probabilities,
   * so bins hold similar row counts (coinciding edges merge). @default 'uniform'
   */
  readonly strategy?: 'uniform' | 'quantile';
}

/** Quantile with linear interpolation (numpy's default), of an ascending array. */
function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] ?? 0;
  return a + (position - lo) * ((sorted[hi] ?? 0) - a);
}

function binEdges(
  probs: Float64Array | Float32Array,
  bins: number,
  strategy: 'uniform' | 'quantile',
): number[] {
  if (strategy === 'uniform') return Array.from({ length: bins + 1 }, (_, k) => k / bins);
  const sorted = Float64Array.from(probs).sort();
  const edges = Array.from({ length: bins + 1 }, (_, k) => quantile(sorted, k / bins));
  return edges.filter((e, k) => k === 0 || e > (edges[k - 1] ?? -Infinity));
}

/** Index of the bin holding p: the number of inner edges <= p (scikit-learn's searchsorted rule). */
function binOf(p: number, edges: readonly number[]): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] ?? 0) <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Calibration curve; empty bins are left out. */
export function calibrationCurve(options: CalibrationOptions): CalibrationBin[] {
  const weightOf = checkInput(options);
  checkProbabilities(options.probs);
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new TrainerError(
      'CONFIG',
      `Calibration needs a positive whole number of bins, got ${bins}.`,
    );
  }
  const edges =
    options.probs.length === 0
      ? [0, 1]
      : binEdges(options.probs, bins, options.strategy ?? 'uniform');
  const count = Math.max(edges.length - 1, 1);
  const weight = new Float64Array(count);
  const predicted = new Float64Array(count);
  const positive = new Float64Array(count);
  for (let i = 0; i < options.labels.length; i++) {
    const p = options.probs[i] ?? 0;
    const b = binOf(p, edges);
    const w = weightOf(i);
    weight[b] = (weight[b] ?? 0) + w;
    predicted[b] = (predicted[b] ?? 0) + w * p;
    if (options.labels[i] === 1) positive[b] = (positive[b] ?? 0) + w;
  }
  const result: CalibrationBin[] = [];
  for (let b = 0; b < count; b++) {
    const w = weight[b] ?? 0;
    if (!(w > 0)) continue;
    result.push({
      lower: edges[b] ?? 0,
      upper: edges[b + 1] ?? edges[b] ?? 1,
      meanPredicted: (predicted[b] ?? 0) / w,
      fractionPositive: (positive[b] ?? 0) / w,
      weight: w,
    });
  }
  return result;
}
