/**
 * Histogram construction over worker threads: the main thread and `threads - 1` workers claim the
 * row chunks of a leaf (see `chunkCount` in histogram.ts) from a shared counter, so a worker that
 * the OS has not scheduled yet simply leaves its chunks to the main thread, and every chunk lands in
 * its own histogram whoever builds it (the model does not depend on the thread count or timing).
 * Synchronisation is a small Int32Array control block with Atomics, so training stays a synchronous
 * call.
 *
 * The workers run histogram-worker.ts (a module file: dist's .js, or the .ts source through tsx;
 * see tabular's startModuleWorker). If a worker cannot start, `startParallelBuilder` returns
 * undefined and the caller trains single-threaded.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '@champion/tabular';

import type { BinnedMatrix } from './binning.js';
import type { HistogramBuilder, LeafJob } from './histogram.js';
import {
  BEGIN,
  CHUNK_BITS,
  CHUNKS,
  COUNT,
  DONE,
  FAILED,
  GENERATION_MASK,
  HIST_BASE,
  QUIT,
  READY,
  TICKET,
  type WorkerData,
} from './parallel-control.js';
import {
  MAX_CHUNKS,
  accumulateHistograms,
  chunkCount,
  createSerialBuilder,
  histogramSlotSize,
  mergeChunks,
  planSize,
  writePlan,
} from './histogram.js';

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

class WorkerHistogramBuilder implements ParallelBuilder {
  private generation = 0;
  /** Builds one-chunk leaves on the main thread alone (a hand-off costs more than it saves). */
  private readonly serial: HistogramBuilder;
  constructor(
    private readonly shared: SharedBuffers,
    private readonly pool: {
      ctrl: Int32Array;
      plan: Int32Array;
      partials: Float64Array;
      workers: Worker[];
    },
  ) {
    this.serial = createSerialBuilder(shared.matrix);
  }

  get threads(): number {
    return this.pool.workers.length + 1;
  }

  useFeatures(features: Int32Array): void {
    const { matrix } = this.shared;
    writePlan({ plan: this.pool.plan, base: 0, matrix, features, sink: matrix.totalBins });
    this.serial.useFeatures(features);
  }

  build(job: LeafJob): void {
    const { ctrl, plan, partials } = this.pool;
    const { matrix } = this.shared;
    const slotSize = histogramSlotSize(matrix);
    const chunks = chunkCount(job.count);
    const foreign =
      job.gradHess !== this.shared.gradHess ||
      job.hist !== this.shared.hist ||
      job.rows !== this.shared.rows;
    if (chunks === 1 || foreign) {
      this.serial.build(job);
      return;
    }
    ctrl[BEGIN] = job.begin;
    ctrl[COUNT] = job.count;
    ctrl[HIST_BASE] = job.histBase;
    ctrl[CHUNKS] = chunks;
    Atomics.store(ctrl, DONE, 0);
    this.generation = (this.generation + 1) & GENERATION_MASK;
    const first = this.generation << CHUNK_BITS;
    Atomics.store(ctrl, TICKET, first);
    Atomics.notify(ctrl, TICKET);
    for (;;) {
      const ticket = Atomics.load(ctrl, TICKET);
      const chunk = ticket - first;
      if (chunk >= chunks) break;
      if (Atomics.compareExchange(ctrl, TICKET, ticket, ticket + 1) !== ticket) continue;
      const from = Math.floor((chunk * job.count) / chunks);
      const to = Math.floor(((chunk + 1) * job.count) / chunks);
      const partialBase = (chunk - 1) * slotSize;
      if (chunk > 0) partials.fill(0, partialBase, partialBase + slotSize);
      accumulateHistograms({
        ...job,
        begin: job.begin + from,
        count: to - from,
        hist: chunk === 0 ? job.hist : partials,
        histBase: chunk === 0 ? job.histBase : partialBase,
        rowBins: matrix.rowBins,
        rowStride: matrix.rowStride,
        plan,
        planBase: 0,
      });
      Atomics.add(ctrl, DONE, 1);
    }
    let done = Atomics.load(ctrl, DONE);
    while (done < chunks) {
      Atomics.wait(ctrl, DONE, done);
      done = Atomics.load(ctrl, DONE);
    }
    if (Atomics.load(ctrl, FAILED) === 1) {
      throw new Error('a histogram worker thread failed; train again with num_threads: 1');
    }
    mergeChunks({ hist: job.hist, histBase: job.histBase, partials, chunks, slotSize });
  }

  close(): void {
    const { ctrl, workers } = this.pool;
    Atomics.store(ctrl, QUIT, 1);
    Atomics.add(ctrl, TICKET, 1 << CHUNK_BITS);
    Atomics.notify(ctrl, TICKET);
    workers.forEach((worker) => void worker.terminate());
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
  const ctrl = new Int32Array(new SharedArrayBuffer((READY + count) * 4));
  const plan = new Int32Array(new SharedArrayBuffer(planSize(shared.matrix.rowStride) * 4));
  const slotSize = histogramSlotSize(shared.matrix);
  const partials = new Float64Array(new SharedArrayBuffer((MAX_CHUNKS - 1) * slotSize * 8));
  const workers: Worker[] = [];
  const stop = (): undefined => {
    Atomics.store(ctrl, QUIT, 1);
    workers.forEach((worker) => void worker.terminate());
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
        partials,
        slotSize,
        plan,
        ctrl,
        slot,
      };
      const worker = startModuleWorker(new URL('./histogram-worker.js', import.meta.url), {
        workerData,
      });
      worker.unref();
      // Errors surface through the READY timeout; the listener keeps them from crashing the process.
      worker.on('error', () => undefined);
      workers.push(worker);
    }
    for (let slot = 0; slot < count; slot++) {
      if (Atomics.wait(ctrl, READY + slot, 0, options.timeoutMs ?? 10_000) === 'timed-out')
        return stop();
    }
  } catch {
    return stop();
  }
  return new WorkerHistogramBuilder(shared, { ctrl, plan, partials, workers });
}
