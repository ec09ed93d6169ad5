/** Binary log loss: gradients, the initial score and the metric used for early stopping. */

const EPS = 1e-15;

/**
 * Per-row gradient and hessian of the weighted log loss at the current raw scores, interleaved
 * (`gradHess[2 * row]`, `gradHess[2 * row + 1]`) so the histogram kernel loads both from one
 * cache line.
 */
export function computeGradients(options: {
  score: Float64Array;
  labels: Uint8Array;
  weights: Float64Array;
  gradHess: Float64Array;
}): void {
  const { score, labels, weights, gradHess } = options;
  for (let i = 0; i < score.length; i++) {
    const p = 1 / (1 + Math.exp(-(score[i] as number)));
    const w = weights[i] as number;
    gradHess[2 * i] = (p - (labels[i] as number)) * w;
    gradHess[2 * i + 1] = Math.max(p * (1 - p), EPS) * w;
  }
}

/** Log-odds of the weighted positive share (LightGBM's boost_from_average). */
export function initScore(labels: Uint8Array, weights: Float64Array): number {
  let pos = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights[i] as number;
    total += w;
    if (labels[i] === 1) pos += w;
  }
  const p = Math.min(Math.max(pos / total, EPS), 1 - EPS);
  return Math.log(p / (1 - p));
}

/** Weighted mean log loss of raw scores shifted by `offset`. */
export function logLoss(options: {
  score: Float64Array;
  labels: Uint8Array;
  weights?: Float32Array | Float64Array | undefined;
  offset?: number;
}): number {
  const { score, labels, weights } = options;
  const offset = options.offset ?? 0;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < score.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const p = 1 / (1 + Math.exp(-((score[i] as number) + offset)));
    const q = labels[i] === 1 ? p : 1 - p;
    sum -= w * Math.log(Math.min(Math.max(q, EPS), 1));
    total += w;
  }
  return total > 0 ? sum / total : 0;
}
