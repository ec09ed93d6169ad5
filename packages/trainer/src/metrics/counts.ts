import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';
import { checkInput } from './input.js';

/**
 * Cumulative weighted true- and false-positive counts at every distinct score, highest first:
 * at index k a row is predicted positive iff its score >= `thresholds[k]`. Every ranking metric
 * and the threshold search read from this one O(n log n) pass, which also makes them tie-aware
 * (tied rows always move together).
 */
export interface ThresholdCounts {
  readonly thresholds: Float64Array;
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  readonly positiveWeight: number;
  readonly negativeWeight: number;
}

export function thresholdCounts(input: ScoredLabels): ThresholdCounts {
  const weightOf = checkInput(input);
  const { labels, probs } = input;
  const n = labels.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (probs[b] ?? 0) - (probs[a] ?? 0));
  const thresholds: number[] = [];
  const tp: number[] = [];
  const fp: number[] = [];
  let tpSum = 0;
  let fpSum = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k] ?? 0;
    const w = weightOf(row);
    if (labels[row] === 1) tpSum += w;
    else fpSum += w;
    const score = probs[row] ?? 0;
    const nextScore = k + 1 < n ? probs[order[k + 1] ?? 0] : undefined;
    if (nextScore !== score) {
      thresholds.push(score);
      tp.push(tpSum);
      fp.push(fpSum);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(tp),
    falsePositives: Float64Array.from(fp),
    positiveWeight: tpSum,
    negativeWeight: fpSum,
  };
}

/** Throws `undefined_metric` unless both classes carry weight. */
export function requireBothClasses(counts: ThresholdCounts, metric: string): void {
  if (!(counts.positiveWeight > 0) || !(counts.negativeWeight > 0)) {
    throw new TrainerError(
      'DATA',
      `${metric} is undefined: the data has ${counts.positiveWeight > 0 ? 'no negative' : 'no positive'} rows. Evaluate on data with both classes.`,
    );
  }
}
