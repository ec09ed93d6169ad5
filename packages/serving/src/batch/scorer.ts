/**
 * How a batch job runs the model: on the main thread (LoadedModel.run), or in a worker thread so
 * the main thread reads and parses the next chunk while this one is scored (onnxruntime-node's
 * run blocks its thread). Measured on 2 idle cores, 1M rows x 30 features: 8.1-8.8 s with the
 * worker vs 9.2-10.3 s without. When onnxruntime-node cannot be located for the worker (e.g.
 * under jest) scoring stays on the main thread.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadedModel } from '../model/loaded-model.js';
import { ServingError } from '../model/errors.js';
import { assertBatchFits, type RawScores } from '../model/onnx-runner.js';
import { SERVING_SESSION_OPTIONS } from '../model/session.js';
import { INFERENCE_WORKER_SOURCE } from './inference-worker-source.js';
import type { FeatureBatch } from '../model/types.js';

/** Runs batches through the model. */
export interface Scorer {
  readonly where: 'main' | 'worker';
  run(batch: FeatureBatch): Promise<RawScores>;
  close(): Promise<void>;
}

/** Scores on the calling thread. */
export function mainThreadScorer(model: LoadedModel): Scorer {
  return { where: 'main', run: (batch) => model.run(batch), close: () => Promise.resolve() };
}

/**
 * onnxruntime-node's entry as the running program's @champion/serving resolves it (the worker
 * must load the same native binding), or undefined when it cannot be found (e.g. under jest).
 */
export function defaultOrtPath(): string | undefined {
  const main = process.argv[1];
  if (main === undefined) return undefined;
  try {
    const serving = createRequire(main).resolve('@champion/serving');
    return createRequire(serving).resolve('onnxruntime-node');
  } catch {
    return undefined;
  }
}

type Reply =
  | { id: number; probability: Float32Array; label: BigInt64Array }
  | { id: number; error: string }
  | { ready: true }
  | { startError: string };

/** Starts a worker with its own session on the model's model.onnx; resolves once it is loaded. */
export async function workerScorer(options: {
  model: LoadedModel;
  ortPath: string;
}): Promise<Scorer> {
  const { model } = options;
  const worker = new Worker(INFERENCE_WORKER_SOURCE, {
    eval: true,
    workerData: {
      ortPath: options.ortPath,
      onnxPath: join(model.model.dir, 'model.onnx'),
      sessionOptions: SERVING_SESSION_OPTIONS,
    },
  });
  const waiting = new Map<number, { done: (s: RawScores) => void; fail: (e: Error) => void }>();
  let ready: () => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => ((ready = resolve), (failed = reject)));
  const failAll = (error: Error): void => {
    failed(error);
    for (const w of waiting.values()) w.fail(error);
    waiting.clear();
  };
  worker.on('error', (error) => failAll(error));
  worker.on('message', (reply: Reply) => {
    if ('ready' in reply) return ready();
    if ('startError' in reply) return failAll(new Error(reply.startError));
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply)
      job?.fail(new ServingError('SCORING_FAILED', `onnxruntime failed: ${reply.error}`));
    else job?.done({ probability: reply.probability, label: reply.label });
  });
  await started;
  const names = model.model.features.map((f) => f.name);
  let next = 0;
  return {
    where: 'worker',
    run(batch) {
      assertBatchFits(model.model.features, batch);
      const id = next++;
      return new Promise<RawScores>((done, fail) => {
        waiting.set(id, { done, fail });
        worker.postMessage({ id, rows: batch.rows, names, columns: batch.columns });
      });
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
