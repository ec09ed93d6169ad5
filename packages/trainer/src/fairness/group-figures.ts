/** Every figure of one group: rates, ROC AUC, calibration and bootstrap intervals. */
import type { Rng } from '@champion/tabular';
import { calibrationCurve, rocAuc } from '../metrics/index.js';
import { bootstrapIntervals } from './bootstrap.js';
import { countRows, ratesOf, type Decisions } from './rates.js';
import type { GroupFairness } from '@champion/tabular';

/** Equal-width calibration bins per group (groups are small: few bins). */
const CALIBRATION_BINS = 5;

export interface ScoredDecisions extends Decisions {
  readonly probability: Float32Array;
}

function calibration(labels: Uint8Array, probs: Float32Array): GroupFairness['calibration'] {
  let predicted = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    predicted += probs[i] ?? 0;
    positives += labels[i] ?? 0;
  }
  const n = Math.max(labels.length, 1);
  return {
    mean_predicted: predicted / n,
    observed_rate: positives / n,
    bins: calibrationCurve({ labels, probs, bins: CALIBRATION_BINS }).map((b) => ({
      lower: b.lower,
      upper: b.upper,
      count: b.weight,
      mean_predicted: b.meanPredicted,
      observed_rate: b.fractionPositive,
    })),
  };
}

export function groupFigures(options: {
  scored: ScoredDecisions;
  rows: Uint32Array;
  bootstrap: { readonly resamples: number; readonly level: number; readonly rng: Rng };
}): GroupFairness {
  const { scored, rows } = options;
  const counts = countRows(scored, rows);
  const labels = Uint8Array.from(rows, (r) => scored.labels[r] ?? 0);
  const probs = Float32Array.from(rows, (r) => scored.probability[r] ?? 0);
  const bothClasses = counts.positives > 0 && counts.positives < counts.count;
  return {
    count: counts.count,
    ...ratesOf(counts),
    roc_auc: bothClasses ? rocAuc({ labels, probs }) : null,
    calibration: calibration(labels, probs),
    ci: bootstrapIntervals({ decisions: scored, rows, ...options.bootstrap }),
  };
}
