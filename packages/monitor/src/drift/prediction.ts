/**
 * Prediction drift: the current scores against the reference's (the model's test-split scores),
 * with the rule Evidently would apply to a numeric column of that size (KS up to 1,000 reference
 * scores, normed Wasserstein above), and the positive rate at the model's threshold against the
 * reference's, with a two-proportion Z-test.
 */
import type { ColumnData } from './column-data.js';
import { defaultThreshold, isDrift, type DriftMethod } from './rules.js';
import { normalSf } from './stats/special.js';
import { ksTwoSample } from './stats/ks.js';
import { wasserstein } from './stats/distances.js';
import { populationStd, type WeightedSample } from './stats/sample.js';

export interface PredictionDrift {
  readonly method: DriftMethod;
  readonly score: number;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly referenceRows: number;
  readonly currentRows: number;
  readonly decisionThreshold: number | null;
  readonly referencePositiveRate: number | null;
  readonly currentPositiveRate: number | null;
  /** Two-sided p-value of "same positive rate". */
  readonly positiveRatePValue: number | null;
}

function positiveShare(sample: WeightedSample, threshold: number): number {
  let positive = 0;
  const { values, counts } = sample;
  for (let i = 0; i < values.length; i++)
    if ((values[i] ?? 0) >= threshold) positive += counts?.[i] ?? 1;
  return sample.total === 0 ? 0 : positive / sample.total;
}

interface Proportion {
  readonly rate: number;
  readonly n: number;
}

function proportionPValue(a: Proportion, b: Proportion): number {
  const [p1, n1, p2, n2] = [a.rate, a.n, b.rate, b.n];
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (spread === 0) return p1 === p2 ? 1 : 0;
  return 2 * normalSf(Math.abs((p1 - p2) / spread));
}

/** Compares current scores with the reference scores. */
export function predictionDrift(options: {
  reference: WeightedSample;
  current: ColumnData;
  decisionThreshold?: number;
  referencePositiveRate?: number;
}): PredictionDrift | null {
  const { reference, current } = options;
  if (current.kind !== 'numeric' || current.sample.total === 0 || reference.total === 0)
    return null;
  const method: DriftMethod = reference.total <= 1000 ? 'ks' : 'wasserstein';
  const score =
    method === 'ks'
      ? ksTwoSample(reference, current.sample).pValue
      : wasserstein(reference, current.sample) / Math.max(populationStd(reference), 0.001);
  const threshold = defaultThreshold(method);
  const t = options.decisionThreshold;
  const refRate =
    t === undefined ? null : (options.referencePositiveRate ?? positiveShare(reference, t));
  const curRate = t === undefined ? null : positiveShare(current.sample, t);
  return {
    method,
    score,
    threshold,
    drifted: isDrift(method, score, threshold),
    referenceRows: reference.total,
    currentRows: current.sample.total,
    decisionThreshold: t ?? null,
    referencePositiveRate: refRate,
    currentPositiveRate: curRate,
    positiveRatePValue:
      refRate === null || curRate === null
        ? null
        : proportionPValue(
            { rate: refRate, n: reference.total },
            { rate: curRate, n: current.sample.total },
          ),
  };
}
