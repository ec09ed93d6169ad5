/**
 * How a loaded model scores requests: a strategy chosen once per model version. The compiled
 * engine (the tree ensemble as WebAssembly, JavaScript around it) is used only when the graph
 * compiles and gives onnxruntime's outputs bit for bit on rows built to reach every decision
 * boundary (compiled/verify.ts); otherwise onnxruntime scores, and the reason is kept for /model.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { readOnnxGraph } from '@champion/onnx';
import { compileGraph, instantiate, NotCompilable } from './compiled/compile.js';
import { verifyCompiled } from './compiled/verify.js';
import { errorMessage, ModelError } from './errors.js';
import { runBatch, type RawScores } from './onnx-runner.js';
import type { FeatureBatch, ServedFeature } from './types.js';

/** Which engine scores: `auto` picks the compiled one when it is verified. */
export type EnginePreference = 'auto' | 'onnxruntime';

export interface ScoringEngine {
  readonly kind: 'compiled' | 'onnxruntime';
  /** Why onnxruntime scores, when `auto` could not use the compiled engine. */
  readonly reason?: string;
  run(batch: FeatureBatch): Promise<RawScores>;
}

/** onnxruntime on the model's session. */
export function onnxruntimeEngine(options: {
  session: InferenceSession;
  features: readonly ServedFeature[];
  reason?: string;
}): ScoringEngine {
  const { session, features } = options;
  return {
    kind: 'onnxruntime',
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    run: (batch) => runBatch({ session, features, batch }),
  };
}

/**
 * The engine for a model: compiled when `preference` is `auto` and the compiled program is
 * verified against `reference` (onnxruntime), else onnxruntime with the reason.
 */
export async function chooseEngine(options: {
  preference: EnginePreference;
  onnx: Uint8Array;
  session: InferenceSession;
  features: readonly ServedFeature[];
}): Promise<ScoringEngine> {
  const reference = onnxruntimeEngine(options);
  if (options.preference === 'onnxruntime') {
    return onnxruntimeEngine({ ...options, reason: 'onnxruntime was asked for' });
  }
  let program;
  try {
    program = compileGraph(readOnnxGraph(options.onnx));
  } catch (error) {
    if (!(error instanceof NotCompilable || error instanceof RangeError)) throw error;
    return onnxruntimeEngine({ ...options, reason: `not compilable: ${errorMessage(error)}` });
  }
  const check = await verifyCompiled({ program, reference: (batch) => reference.run(batch) });
  if (check.mismatches > 0) {
    const reason = `the compiled trees differ from onnxruntime on ${check.mismatches} of ${check.rows} rows (${check.example ?? ''})`;
    return onnxruntimeEngine({ ...options, reason });
  }
  const score = instantiate(program);
  return {
    kind: 'compiled',
    run: (batch) => {
      try {
        return Promise.resolve(score(batch.columns, batch.rows));
      } catch (error) {
        return Promise.reject(
          new ModelError('SCORING_FAILED', `the compiled engine failed: ${errorMessage(error)}`, {
            cause: error,
          }),
        );
      }
    },
  };
}
