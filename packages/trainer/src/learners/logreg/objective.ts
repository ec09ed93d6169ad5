/**
 * The penalised, weighted logistic loss over a design matrix, in scikit-learn's scaling: the mean
 * of the weighted log losses plus `||beta||^2 / (2 C W)` with `W` the total weight. Dividing by
 * `W` leaves the minimiser unchanged but makes the gradient tolerance mean the same thing for
 * any dataset size, as it does in scikit-learn.
 */
import type { DesignMatrix } from './design.js';

export interface LogisticObjectiveOptions {
  readonly design: DesignMatrix;
  readonly labels: Uint8Array;
  readonly weights: Float64Array;
  readonly C: number;
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Returns `f(beta)` and writes its gradient into `gradient`. Parameter 0 (the intercept) is not
 * penalised.
 */
export function logisticObjective(options: LogisticObjectiveOptions) {
  const { design, labels, weights, C } = options;
  const { rowCount, dense, active } = design;
  const p = design.numeric.length;
  const q = design.categorical.length;
  let totalWeight = 0;
  for (let i = 0; i < rowCount; i++) totalWeight += weights[i] ?? 0;
  const penalty = 1 / (C * totalWeight);

  return (beta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    const intercept = beta[0] ?? 0;
    for (let i = 0; i < rowCount; i++) {
      const w = weights[i] ?? 0;
      if (w === 0) continue;
      let z = intercept;
      const rowDense = i * p;
      for (let k = 0; k < p; k++) z += (dense[rowDense + k] ?? 0) * (beta[1 + k] ?? 0);
      const rowActive = i * q;
      for (let k = 0; k < q; k++) {
        const index = active[rowActive + k] ?? -1;
        if (index >= 0) z += beta[index] ?? 0;
      }
      const y = labels[i] === 1 ? 1 : 0;
      loss += w * (softplus(z) - y * z);
      const r = w * (sigmoid(z) - y);
      gradient[0] = (gradient[0] ?? 0) + r;
      for (let k = 0; k < p; k++)
        gradient[1 + k] = (gradient[1 + k] ?? 0) + r * (dense[rowDense + k] ?? 0);
      for (let k = 0; k < q; k++) {
        const index = active[rowActive + k] ?? -1;
        if (index >= 0) gradient[index] = (gradient[index] ?? 0) + r;
      }
    }
    let squares = 0;
    for (let j = 1; j < beta.length; j++) {
      const b = beta[j] ?? 0;
      squares += b * b;
      gradient[j] = (gradient[j] ?? 0) / totalWeight + penalty * b;
    }
    gradient[0] = (gradient[0] ?? 0) / totalWeight;
    return loss / totalWeight + 0.5 * penalty * squares;
  };
}
