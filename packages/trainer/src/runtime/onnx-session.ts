/**
 * Runs an exported model in onnxruntime-node: the same runtime that serves it, so every number
 * the trainer logs is the served model's number.
 */
import * as ort from 'onnxruntime-node';
import { TrainerError } from '../errors.js';
import type { FeatureSpec } from '../model/types.js';
import type { RawColumn } from './raw-columns.js';

export interface OnnxPrediction {
  readonly probability: Float32Array;
  readonly label: BigInt64Array;
}

export class OnnxScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly features: readonly FeatureSpec[],
  ) {}

  static async create(bytes: Uint8Array, features: readonly FeatureSpec[]): Promise<OnnxScorer> {
    const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
    return new OnnxScorer(session, features);
  }

  /** Scores raw columns in batches of `batchSize` rows. */
  async score(raw: readonly RawColumn[], batchSize = 65536): Promise<OnnxPrediction> {
    const n = raw[0]?.length ?? 0;
    const probability = new Float32Array(n);
    const label = new BigInt64Array(n);
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(n, start + batchSize);
      const feeds: Record<string, ort.Tensor> = {};
      this.features.forEach((spec, f) => {
        const column = raw[f];
        if (column === undefined) throw new TrainerError('DATA', `no values for '${spec.name}'`);
        feeds[spec.name] =
          column instanceof Float32Array
            ? new ort.Tensor('float32', column.subarray(start, end), [end - start])
            : new ort.Tensor('string', column.slice(start, end), [end - start]);
      });
      const out = await this.session.run(feeds);
      const p = out['probability'];
      const l = out['label'];
      if (!p || !l)
        throw new TrainerError('EXPORT', 'the ONNX model did not return probability and label');
      probability.set(p.data as Float32Array, start);
      label.set(l.data as BigInt64Array, start);
    }
    return { probability, label };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
