import { TrainerError } from '../errors.js';

/** Scores to evaluate: one label (1 = positive), probability and optional weight per row. */
export interface ScoredLabels {
  readonly labels: Uint8Array;
  /** Positive-class probabilities (any real score works for the ranking metrics). */
  readonly probs: Float64Array | Float32Array;
  /** Per-row weights (non-negative); every row weighs 1 when omitted. */
  readonly weights?: Float64Array | Float32Array;
}

/** Checks lengths, NaN scores and weights; returns the weight of row `i` accessor. */
export function checkInput(input: ScoredLabels): (i: number) => number {
  const { labels, probs, weights } = input;
  if (
    probs.length !== labels.length ||
    (weights !== undefined && weights.length !== labels.length)
  ) {
    throw new TrainerError(
      'DATA',
      `Got ${labels.length} labels, ${probs.length} probabilities${weights === undefined ? '' : ` and ${weights.length} weights`}; they must have one entry per row.`,
    );
  }
  for (let i = 0; i < probs.length; i++) {
    if (Number.isNaN(probs[i])) {
      throw new TrainerError(
        'DATA',
        `Probability at row ${i} is NaN; score every row before evaluating.`,
      );
    }
  }
  if (weights === undefined) return () => 1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? NaN;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new TrainerError(
        'DATA',
        `Weight at row ${i} is ${w}; weights must be finite and non-negative.`,
      );
    }
  }
  return (i) => weights[i] ?? 0;
}

/** Throws unless every probability lies in [0, 1]. */
export function checkProbabilities(probs: Float64Array | Float32Array): void {
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] ?? NaN;
    if (!(p >= 0 && p <= 1)) {
      throw new TrainerError('DATA', `Probability at row ${i} is ${p}, outside [0, 1].`);
    }
  }
}
