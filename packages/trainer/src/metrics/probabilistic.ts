/** Proper scoring rules: they judge the probabilities themselves, not just their order. */
import { TrainerError } from '../errors.js';
import type { ScoredLabels } from './input.js';
import { checkInput, checkProbabilities } from './input.js';

function weightedMean(input: ScoredLabels, loss: (label: number, p: number) => number): number {
  const weightOf = checkInput(input);
  checkProbabilities(input.probs);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < input.labels.length; i++) {
    const w = weightOf(i);
    sum += w * loss(input.labels[i] === 1 ? 1 : 0, input.probs[i] ?? 0);
    total += w;
  }
  if (!(total > 0)) {
    throw new TrainerError('DATA', 'Cannot average a loss over rows of total weight 0.');
  }
  return sum / total;
}

/** Mean negative log-likelihood, probabilities clipped to [eps, 1 - eps] so certainty costs a finite amount. */
export function logLoss(input: ScoredLabels & { readonly eps?: number }): number {
  const eps = input.eps ?? 1e-15;
  return weightedMean(input, (y, p) => {
    const q = Math.min(Math.max(p, eps), 1 - eps);
    return y === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
}

/** Mean squared difference between probability and label. */
export function brierScore(input: ScoredLabels): number {
  return weightedMean(input, (y, p) => (p - y) * (p - y));
}
