/**
 * How a batch job runs the model: on the main thread, or in worker threads so the main thread
 * reads while chunks are scored (onnxruntime-node's run blocks its thread). A worker runs either
 * a one-thread onnxruntime session or a compiled program (../compiled); compiled workers also
 * parse whole blocks of CSV lines (block-reader.ts). Workers run module files (workers/). The
 * onnxruntime worker needs onnxruntime-node's path, which jest cannot give: there, onnxruntime
 * scoring stays on the main thread.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  type LoadedModel,
  ModelError,
  assertBatchFits,
  type RawScores,
  SERVING_SESSION_OPTIONS,
  treesOf,
  type CompiledProgram,
  type FeatureBatch,
} from '@champion/runtime';
import type { RowFormat } from './format-rows.js';
import type { BlockLayout, BlockResult } from './block-reader.js';
import type { EncodedStrings, OnnxWorkerData, Reply, WorkerProgram } from './workers/messages.js';
import { startWorker as startModuleWorker } from './workers/start.js';

/** Rows per onnxruntime run in a worker: a chunk is scored in runs of this size (see the worker). */
const WORKER_RUN_ROWS = 8192;

/** Runs batches through the model. */
export interface Scorer {
  readonly where: 'main' | 'worker';
  /** What computes the scores: onnxruntime, or the model's graph compiled (compiled/compile.ts). */
  readonly engine: 'onnxruntime' | 'compiled';
  /** How many batches it scores at once; the caller keeps this many in flight. */
  readonly parallelism: number;
  /**
   * Scores a batch; with `format`, a worker also returns the chunk's output CSV lines (`text`),
   * so formatting happens off the main thread.
   */
  run(batch: FeatureBatch, format?: RowFormat): Promise<ScoredChunk>;
  /** Compiled workers only: parses, scores and formats a block of CSV lines (block-reader.ts). */
  readonly scoreBlock?: (bytes: Uint8Array, layout: BlockLayout) => Promise<BlockResult>;
  close(): Promise<void>;
}

/** Scores, and the output lines when a worker formatted them. */
export interface ScoredChunk extends RawScores {
  readonly text?: string | undefined;
}

/** Scores on the calling thread. */
export function mainThreadScorer(model: LoadedModel): Scorer {
  return {
    where: 'main',
    engine: 'onnxruntime',
    parallelism: 1,
    run: (batch) => model.run(batch),
    close: () => Promise.resolve(),
  };
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

function encodeStrings(values: readonly string[]): EncodedStrings {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  for (let r = 0; r < values.length; r++) {
    const value = values[r] as string;
    let code = index.get(value);
    if (code === undefined) {
      code = dictionary.length;
      index.set(value, code);
      dictionary.push(value);
    }
    codes[r] = code;
  }
  return { codes, dictionary };
}

/** The batch's columns as sent to the worker, and the buffers the message can move instead of copy. */
function workerColumns(batch: FeatureBatch): {
  columns: (Float32Array | EncodedStrings)[];
  transfer: ArrayBuffer[];
} {
  const transfer: ArrayBuffer[] = [];
  const columns = batch.columns.map((column) => {
    if (!(column instanceof Float32Array)) {
      const encoded = encodeStrings(column);
      transfer.push(encoded.codes.buffer as ArrayBuffer);
      return encoded;
    }
    return column;
  });
  return { columns, transfer };
}

/** One inference worker: its jobs in flight and how to send it one. */
interface InferenceWorker {
  readonly busy: () => number;
  run(batch: FeatureBatch, format?: RowFormat): Promise<ScoredChunk>;
  /** Moves `bytes` (whole lines; its buffer must hold nothing else) to the worker. */
  block(bytes: Uint8Array, layout: BlockLayout): Promise<BlockResult>;
  close(): Promise<void>;
}

/**
 * A worker holds a chunk or block or two at a time (~2 MB each), so a small heap suffices and
 * makes V8 collect early. Measured on 1M synthetic rows: 453 → 438 MB peak RSS; most of the
 * saving comes from the main thread's limit (cli/src/heap.ts).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/** What a worker runs: onnxruntime on the model's file, or a compiled program. */
type WorkerJob =
  | { readonly engine: 'onnxruntime'; readonly model: LoadedModel; readonly ortPath: string }
  | { readonly engine: 'compiled'; readonly model: LoadedModel; readonly program: CompiledProgram };

/** Compiled-program workers started before their program existed: see prestartScoringWorkers. */
const spares: Worker[] = [];

/**
 * Starts `count` compiled-program workers now, without their program, so that their Node
 * environments boot while the model is still downloading (measured: ~90 ms from start to ready
 * while the main thread checks the program, ~30 ms alone). A scorer made later takes them and
 * sends the program. They do not keep the process alive; the returned function stops those no
 * scorer took (call it when scoring is over) and says how many it stopped.
 */
export function prestartScoringWorkers(count: number): () => Promise<number> {
  const started = Array.from({ length: count }, () => {
    const worker = startModuleWorker('compiled', { resourceLimits: WORKER_HEAP });
    worker.unref();
    // A spare that fails or exits is simply not used (a scorer starts a new worker instead).
    worker.on('error', () => undefined);
    worker.once('exit', () => takeSpare(worker));
    spares.push(worker);
    return worker;
  });
  return async () => {
    const unused = started.filter((w) => takeSpare(w));
    await Promise.all(unused.map((w) => w.terminate()));
    return unused.length;
  };
}

/** Removes `worker` (or, without one, any spare) from the spares; returns it if it was one. */
function takeSpare(worker?: Worker): Worker | undefined {
  const at = worker === undefined ? spares.length - 1 : spares.indexOf(worker);
  if (at < 0) return undefined;
  return spares.splice(at, 1)[0];
}

/** A compiled-program worker for `program`: a spare given the program, or a new one. */
function compiledWorker(program: CompiledProgram): Worker {
  const data: WorkerProgram = { spec: program.spec, trees: treesOf(program) };
  const spare = takeSpare();
  if (spare === undefined) {
    return startModuleWorker('compiled', { resourceLimits: WORKER_HEAP, workerData: data });
  }
  spare.ref();
  spare.postMessage({ program: data });
  return spare;
}

/** Starts a worker for `job`; resolves once its session or program is loaded. */
async function startWorker(job: WorkerJob): Promise<InferenceWorker> {
  const { model } = job;
  const worker =
    job.engine === 'onnxruntime'
      ? startModuleWorker('onnxruntime', {
          resourceLimits: WORKER_HEAP,
          workerData: {
            ortPath: job.ortPath,
            onnxPath: join(model.model.dir, 'model.onnx'),
            sessionOptions: SERVING_SESSION_OPTIONS,
            runRows: WORKER_RUN_ROWS,
          } satisfies OnnxWorkerData,
        })
      : compiledWorker(job.program);
  // Jobs awaiting their reply; each knows which kind of reply it expects.
  const waiting = new Map<number, { done: (reply: Reply) => void; fail: (e: Error) => void }>();
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
      job?.fail(new ModelError('SCORING_FAILED', `scoring failed: ${reply.error}`));
    else job?.done(reply);
  });
  let next = 0;
  /** Sends `message` and resolves with what `read` takes from the reply. */
  const request = <T>(job: {
    message: object;
    transfer?: ArrayBuffer[];
    read: (reply: Reply) => T | undefined;
  }): Promise<T> => {
    const id = next++;
    return new Promise<T>((resolve, fail) => {
      waiting.set(id, {
        done: (reply) => {
          const value = job.read(reply);
          if (value === undefined) fail(new Error('the worker sent an unexpected reply'));
          else resolve(value);
        },
        fail,
      });
      worker.postMessage({ id, ...job.message }, job.transfer ?? []);
    });
  };
  try {
    await started;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const names = model.model.features.map((f) => f.name);
  return {
    busy: () => waiting.size,
    run(batch, format) {
      // The Float32Arrays are copied, not moved: the caller still owns the batch.
      const { columns, transfer } = workerColumns(batch);
      return request({
        message: { rows: batch.rows, names, columns, format },
        transfer,
        read: (reply): ScoredChunk | undefined =>
          'probability' in reply
            ? { probability: reply.probability, label: reply.label, text: reply.text }
            : undefined,
      });
    },
    block(bytes, layout) {
      return request({
        message: { block: { bytes, layout } },
        transfer: [bytes.buffer as ArrayBuffer],
        read: (reply) => ('block' in reply ? reply.block : undefined),
      });
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

/**
 * Scores in `workers` worker threads (default 1), each with a one-thread onnxruntime session or
 * the compiled program; a batch goes to the least busy one, so with 2 workers two chunks are
 * scored at once. Resolves once all are loaded.
 */
export async function workerScorer(options: {
  model: LoadedModel;
  ortPath?: string;
  program?: CompiledProgram;
  workers?: number;
}): Promise<Scorer> {
  const { model, ortPath, program } = options;
  const job: WorkerJob | undefined =
    program !== undefined
      ? { engine: 'compiled', model, program }
      : ortPath !== undefined
        ? { engine: 'onnxruntime', model, ortPath }
        : undefined;
  if (job === undefined) throw new Error('workerScorer needs an onnxruntime path or a program');
  const count = Math.max(1, options.workers ?? 1);
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(job)));
  const pool = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(pool.map((w) => w.close()));
    throw failure.reason;
  }
  /** The worker with the fewest jobs in flight. */
  const idlest = (): InferenceWorker =>
    pool.reduce((best, w) => (w.busy() < best.busy() ? w : best));
  return {
    where: 'worker',
    engine: job.engine,
    parallelism: pool.length,
    run(batch, format) {
      assertBatchFits(model.model.features, batch);
      return idlest().run(batch, format);
    },
    ...(job.engine === 'compiled'
      ? { scoreBlock: (bytes: Uint8Array, layout: BlockLayout) => idlest().block(bytes, layout) }
      : {}),
    close: () => Promise.all(pool.map((w) => w.close())).then(() => undefined),
  };
}
