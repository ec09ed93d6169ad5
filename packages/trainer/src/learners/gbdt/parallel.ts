/**
 * Histogram construction over worker threads: features are split between the main thread and
 * `threads - 1` workers that read the same SharedArrayBuffers. Synchronisation is a small
 * Int32Array control block with Atomics.wait/notify, so training stays a synchronous call.
 *
 * The worker runs `accumulateHistograms` from its source text (`new Worker(code, { eval: true })`),
 * which works the same under tsx, compiled dist and jest (no worker file to resolve). If the
 * worker cannot start (e.g. instrumented sources), `startParallelBuilder` returns undefined and the
 * caller trains single-threaded.
 */
import { Worker } from 'node:worker_threads';

import type { HistogramTask } from './histogram.js';
import { accumulateHistograms } from './histogram.js';
import type { HistogramBuilder } from './tree-learner.js';

/** Slots per worker in the control block. */
const CTRL = 16;
const GEN = 0;
const DONE = 1;
const BEGIN = 2;
const COUNT = 3;
const HIST_BASE = 4;
const FEAT_START = 5;
const FEAT_END = 6;
const FULL_GRAD = 7;
const QUIT = 8;
const READY = 9;
const FAILED = 10;

/** Leaves smaller than this are built on the main thread alone (dispatch costs ~tens of µs). */
const MIN_PARALLEL_ROWS = 2048;

/** The shared arrays the workers read (all backed by SharedArrayBuffer). */
export interface SharedBuffers {
  readonly rowBins: Uint16Array | Uint32Array;
  readonly numFeatures: number;
  readonly rows: Int32Array;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly orderedGrad: Float64Array;
  readonly orderedHess: Float64Array;
  readonly hist: Float64Array;
}

/** A histogram builder backed by worker threads; `close` must be called when training ends. */
export interface ParallelBuilder extends HistogramBuilder {
  readonly threads: number;
  close(): void;
}

interface WorkerData extends SharedBuffers {
  readonly ctrl: Int32Array;
  readonly features: Int32Array;
  readonly slot: number;
}

// Runs inside the worker from its source text: no imports, no closures, no nested functions.
function workerMain(kernel: (task: HistogramTask) => void, data: WorkerData): void {
  const ctrl = data.ctrl;
  const o = data.slot * 16;
  Atomics.store(ctrl, o + 9, 1);
  Atomics.notify(ctrl, o + 9);
  let gen = 0;
  for (;;) {
    Atomics.wait(ctrl, o, gen);
    gen = Atomics.load(ctrl, o);
    if (Atomics.load(ctrl, o + 8) === 1) return;
    try {
      const full = ctrl[o + 7] === 1;
      kernel({
        rowBins: data.rowBins,
        numFeatures: data.numFeatures,
        rows: data.rows,
        begin: ctrl[o + 2] as number,
        count: ctrl[o + 3] as number,
        grad: full ? data.grad : data.orderedGrad,
        hess: full ? data.hess : data.orderedHess,
        hist: data.hist,
        histBase: ctrl[o + 4] as number,
        features: data.features,
        featureStart: ctrl[o + 5] as number,
        featureEnd: ctrl[o + 6] as number,
      });
    } catch {
      Atomics.store(ctrl, o + 10, 1);
    }
    Atomics.store(ctrl, o + 1, gen);
    Atomics.notify(ctrl, o + 1);
  }
}

const WORKER_SOURCE =
  `const kernel = (${accumulateHistograms.toString()});\n` +
  `(${workerMain.toString()})(kernel, require('node:worker_threads').workerData);\n`;

class WorkerHistogramBuilder implements ParallelBuilder {
  private generation = 0;
  constructor(
    private readonly shared: SharedBuffers,
    private readonly pool: { ctrl: Int32Array; features: Int32Array; workers: Worker[] },
  ) {}

  get threads(): number {
    return this.pool.workers.length + 1;
  }

  build(task: HistogramTask): void {
    const { ctrl, features, workers } = this.pool;
    const width = task.featureEnd - task.featureStart;
    const full =
      task.grad === this.shared.grad ? 1 : task.grad === this.shared.orderedGrad ? 0 : -1;
    if (task.count < MIN_PARALLEL_ROWS || width < 2 || full < 0 || task.hist !== this.shared.hist) {
      accumulateHistograms(task);
      return;
    }
    features.set(task.features.subarray(task.featureStart, task.featureEnd));
    const chunk = Math.ceil(width / this.threads);
    const gen = ++this.generation;
    workers.forEach((_, w) => {
      const o = w * CTRL;
      ctrl[o + BEGIN] = task.begin;
      ctrl[o + COUNT] = task.count;
      ctrl[o + HIST_BASE] = task.histBase;
      ctrl[o + FEAT_START] = Math.min(width, (w + 1) * chunk);
      ctrl[o + FEAT_END] = Math.min(width, (w + 2) * chunk);
      ctrl[o + FULL_GRAD] = full;
      Atomics.store(ctrl, o + GEN, gen);
      Atomics.notify(ctrl, o + GEN);
    });
    accumulateHistograms({
      ...task,
      features,
      featureStart: 0,
      featureEnd: Math.min(width, chunk),
    });
    workers.forEach((_, w) => {
      const o = w * CTRL;
      let done = Atomics.load(ctrl, o + DONE);
      while (done !== gen) {
        Atomics.wait(ctrl, o + DONE, done);
        done = Atomics.load(ctrl, o + DONE);
      }
      if (Atomics.load(ctrl, o + FAILED) === 1) {
        throw new Error('a histogram worker thread failed; train again with num_threads: 1');
      }
    });
  }

  close(): void {
    const { ctrl, workers } = this.pool;
    workers.forEach((worker, w) => {
      Atomics.store(ctrl, w * CTRL + QUIT, 1);
      Atomics.add(ctrl, w * CTRL + GEN, 1);
      Atomics.notify(ctrl, w * CTRL + GEN);
      void worker.terminate();
    });
  }
}

/**
 * Starts `threads - 1` workers on the shared buffers and waits (synchronously, up to
 * `timeoutMs`) until each is running; returns undefined when any cannot start.
 */
export function startParallelBuilder(options: {
  shared: SharedBuffers;
  threads: number;
  timeoutMs?: number;
}): ParallelBuilder | undefined {
  const count = options.threads - 1;
  if (count < 1) return undefined;
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL * count * 4));
  const features = new Int32Array(new SharedArrayBuffer(options.shared.numFeatures * 4));
  const workers: Worker[] = [];
  const stop = (): undefined => {
    workers.forEach((worker, w) => {
      Atomics.store(ctrl, w * CTRL + QUIT, 1);
      void worker.terminate();
    });
    return undefined;
  };
  try {
    for (let slot = 0; slot < count; slot++) {
      const workerData: WorkerData = { ...options.shared, ctrl, features, slot };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
      worker.unref();
      // Errors surface through the READY timeout; the listener keeps them from crashing the process.
      worker.on('error', () => undefined);
      workers.push(worker);
    }
    for (let slot = 0; slot < count; slot++) {
      if (Atomics.wait(ctrl, slot * CTRL + READY, 0, options.timeoutMs ?? 10_000) === 'timed-out')
        return stop();
    }
  } catch {
    return stop();
  }
  return new WorkerHistogramBuilder(options.shared, { ctrl, features, workers });
}
