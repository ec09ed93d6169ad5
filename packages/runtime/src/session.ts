/**
 * onnxruntime-node sessions tuned for serving: one intra-op thread per session because we scale
 * with micro-batching and processes, not with ORT's thread pool (2 cores shared with the event
 * loop; more ORT threads only contend with it).
 */
import * as ort from 'onnxruntime-node';

/** Session options for serving; see the module header for why these values. */
export const SERVING_SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
};

/** Creates a session for the model.onnx at `path`. */
export async function createSession(
  path: string,
  options: ort.InferenceSession.SessionOptions = SERVING_SESSION_OPTIONS,
): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path, options);
}
