/**
 * Holds an explainer to the model it explains: on a batch, the probability its raw scores give
 * must be onnxruntime's (up to float32 rounding). A file from another model, or trees that route
 * differently from model.onnx, are caught here before any explanation is given.
 */
import type { FeatureBatch } from '../types.js';
import { explainBatch, type Explainer } from './explainer.js';

/** Far above float32 rounding of a probability (~6e-8), far below any real disagreement. */
export const VERIFY_TOLERANCE = 1e-4;

/** Why the explainer disagrees with `probability` on `batch`, or undefined when it agrees. */
export async function verifyExplainer(options: {
  explainer: Explainer;
  batch: FeatureBatch;
  /** The model's probabilities of `batch` (onnxruntime). */
  probability: Float32Array;
}): Promise<string | undefined> {
  const { rawScores } = await explainBatch(options.explainer, options.batch);
  for (let row = 0; row < options.batch.rows; row++) {
    const ours = 1 / (1 + Math.exp(-(rawScores[row] ?? NaN)));
    const theirs = options.probability[row] ?? NaN;
    if (!(Math.abs(ours - theirs) <= VERIFY_TOLERANCE))
      return `champion/explainer.json does not reproduce model.onnx: row ${row} of the verification batch has probability ${ours} by the explainer, ${theirs} by the model`;
  }
  return undefined;
}
