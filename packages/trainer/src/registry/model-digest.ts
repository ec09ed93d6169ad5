/**
 * What makes two registered versions the same model: the same model.onnx bytes (deterministic
 * for the same data, options and seed), the same decision threshold and positive label. Recorded
 * on each version at registration, so a retraining that changes nothing is reported "unchanged"
 * instead of registering a copy of `@champion`.
 */
import { createHash } from 'node:crypto';

/** The version tag holding {@link modelDigest}. */
export const MODEL_DIGEST_TAG = 'champion.model_digest';

/** sha256 (hex) over the ONNX bytes, then the threshold and positive label as JSON. */
export function modelDigest(model: {
  readonly onnx: Uint8Array;
  readonly threshold: number;
  readonly positiveLabel: string;
}): string {
  return createHash('sha256')
    .update(model.onnx)
    .update('\n')
    .update(JSON.stringify({ threshold: model.threshold, positive: model.positiveLabel }))
    .digest('hex');
}
