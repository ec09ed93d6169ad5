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

import type { BinnedMatrix } from './binning.js';
import { FEATURE_BLOCK } from './binning.js';
import type { HistogramBuilder, HistogramTask, LeafJob } from './histogram.js';
import { accumulateHistograms, planSize, writePlan } from './histogram.js';

/** Slots per worker in the control block. */
const CTRL = 16;
const GEN = 0;
const DONE = 1;
const BEGIN = 2;
const COUNT = 3;
const HIST_BASE = 4;
const PLAN_BASE = 5;
const QUIT = 8;
const READY = 9;
const FAILED = 10;

/** Leaves smaller than this are built on the main thread alone (dispatch costs ~tens of µs). */
const MIN_PARALLEL_ROWS = 4096;

/** The shared arrays the workers read (all backed by SharedArrayBuffer). */
export interface SharedBuffers {
  readonly matrix: BinnedMatrix;
  readonly rows: Int32Array;
  readonly gradHess: Float64Array;
  readonly hist: Float64Array;
}

/** A histogram builder backed by worker threads; `close` must be called when training ends. */
export interface ParallelBuilder extends HistogramBuilder {
  readonly threads: number;
  close(): void;
}

interface WorkerData {
  readonly rowBins: Uint8Array | Uint16Array;
  readonly rowStride: number;
  readonly rows: Int32Array;
  readonly gradHess: Float64Array;
  readonly hist: Float64Array;
  readonly plan: Int32Array;
  readonly ctrl: Int32Array;
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
      kernel({
        rowBins: data.rowBins,
        rowStride: data.rowStride,
        rows: data.rows,
        begin: ctrl[o + 2] as number,
        count: ctrl[o + 3] as number,
        gradHess: data.gradHess,
        hist: data.hist,
        histBase: ctrl[o + 4] as number,
        plan: data.plan,
        planBase: ctrl[o + 5] as number,
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

/**
 * Splits the tree's features between `parts` threads: whole feature blocks when there are enough
 * of them (each thread then reads only its part of a row), single features otherwise.
 */
function assignFeatures(features: Int32Array, parts: number): Int32Array[] {
  const blocks: number[] = [];
  for (const f of features) {
    const block = Math.floor(f / FEATURE_BLOCK);
    if (blocks[blocks.length - 1] !== block) blocks.push(block);
  }
  const out: Int32Array[] = [];
  for (let t = 0; t < parts; t++) {
    if (blocks.length >= parts) {
      const from = blocks[Math.floor((t * blocks.length) / parts)] ?? 0;
      const to = blocks[Math.floor(((t + 1) * blocks.length) / parts)] ?? Infinity;
      out.push(features.filter((f) => f >= from * FEATURE_BLOCK && f < to * FEATURE_BLOCK));
    } else {
      const n = features.length;
      out.push(features.slice(Math.floor((t * n) / parts), Math.floor(((t + 1) * n) / parts)));
    }
  }
  return out;
}

class WorkerHistogramBuilder implements ParallelBuilder {
  private generation = 0;
  private readonly planLength: number;
  constructor(
    private readonly shared: SharedBuffers,
    private readonly pool: { ctrl: Int32Array; plan: Int32Array; workers: Worker[] },
  ) {
    this.planLength = planSize(shared.matrix.rowStride);
  }

  get threads(): number {
    return this.pool.workers.length + 1;
  }

  /** Plan 0 builds every feature (small leaves); plan `1 + t` is thread `t`'s share. */
  useFeatures(features: Int32Array): void {
    const { matrix } = this.shared;
    const { plan } = this.pool;
    writePlan({ plan, base: 0, matrix, features, sink: matrix.totalBins });
    assignFeatures(features, this.threads).forEach((part, t) => {
      writePlan({
        plan,
        base: (1 + t) * this.planLength,
        matrix,
        features: part,
        sink: matrix.totalBins + t,
      });
    });
  }

  build(job: LeafJob): void {
    const { ctrl, plan, workers } = this.pool;
    const { matrix } = this.shared;
    const task = { ...job, rowBins: matrix.rowBins, rowStride: matrix.rowStride, plan };
    const foreign = job.gradHess !== this.shared.gradHess || job.hist !== this.shared.hist;
    if (job.count < MIN_PARALLEL_ROWS || foreign) {
      accumulateHistograms({ ...task, planBase: 0 });
      return;
    }
    const gen = ++this.generation;
    workers.forEach((_, w) => {
      const o = w * CTRL;
      ctrl[o + BEGIN] = job.begin;
      ctrl[o + COUNT] = job.count;
      ctrl[o + HIST_BASE] = job.histBase;
      ctrl[o + PLAN_BASE] = (2 + w) * this.planLength;
      Atomics.store(ctrl, o + GEN, gen);
      Atomics.notify(ctrl, o + GEN);
    });
    accumulateHistograms({ ...task, planBase: this.planLength });
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
  const { shared } = options;
  const count = options.threads - 1;
  if (count < 1) return undefined;
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL * count * 4));
  const planLength = planSize(shared.matrix.rowStride) * (options.threads + 1);
  const plan = new Int32Array(new SharedArrayBuffer(planLength * 4));
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
      const workerData: WorkerData = {
        rowBins: shared.matrix.rowBins,
        rowStride: shared.matrix.rowStride,
        rows: shared.rows,
        gradHess: shared.gradHess,
        hist: shared.hist,
        plan,
        ctrl,
        slot,
      };
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
  return new WorkerHistogramBuilder(shared, { ctrl, plan, workers });
}
