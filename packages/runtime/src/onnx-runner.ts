/** Runs one FeatureBatch through a session: column arrays become rank-1 tensors without copies. */
import * as ort from 'onnxruntime-node';
import { ModelError } from './errors.js';
import type { FeatureBatch, ServedFeature } from './types.js';

/** What one session run returns, before it is attributed to a model. */
export interface RawScores {
  readonly probability: Float32Array;
  readonly label: BigInt64Array;
}

/** Throws BAD_BATCH when the columns do not fit the features (count, kinds, lengths). */
export function assertBatchFits(features: readonly ServedFeature[], batch: FeatureBatch): void {
  if (batch.columns.length !== features.length) {
    throw new ModelError(
      'BAD_BATCH',
      `the batch has ${batch.columns.length} columns but the model takes ${features.length} features`,
    );
  }
  features.forEach((feature, i) => {
    const column = batch.columns[i] ?? [];
    const numeric = column instanceof Float32Array;
    if (numeric !== (feature.type === 'numeric')) {
      throw new ModelError(
        'BAD_BATCH',
        `column ${i} ('${feature.name}') must be ${feature.type === 'numeric' ? 'a Float32Array' : 'strings'}`,
      );
    }
    if (column.length !== batch.rows) {
      throw new ModelError(
        'BAD_BATCH',
        `column '${feature.name}' has ${column.length} values for ${batch.rows} rows`,
      );
    }
  });
}

/** The ORT feeds for a batch whose columns follow `features`. */
export function toFeeds(
  features: readonly ServedFeature[],
  batch: FeatureBatch,
): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  features.forEach((feature, i) => {
    const column = batch.columns[i] ?? [];
    feeds[feature.name] =
      column instanceof Float32Array
        ? new ort.Tensor('float32', column, [batch.rows])
        : new ort.Tensor('string', column, [batch.rows]);
  });
  return feeds;
}

/** Runs a batch and returns the `probability` and `label` outputs. */
export async function runBatch(options: {
  session: ort.InferenceSession;
  features: readonly ServedFeature[];
  batch: FeatureBatch;
}): Promise<RawScores> {
  let out: ort.InferenceSession.OnnxValueMapType;
  try {
    out = await options.session.run(toFeeds(options.features, options.batch));
  } catch (error) {
    throw new ModelError(
      'SCORING_FAILED',
      `onnxruntime failed to score the batch: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  const probability = out['probability']?.data;
  const label = out['label']?.data;
  if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
    throw new ModelError(
      'SCORING_FAILED',
      'the model did not return float32 probability and int64 label',
    );
  }
  return { probability, label };
}
