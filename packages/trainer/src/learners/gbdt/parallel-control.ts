/**
 * What the main thread and the histogram workers share: the control block's layout, the data a
 * worker is started with, and the worker's loop (run by histogram-worker.ts).
 */
import type { HistogramTask } from './histogram.js';

/**
 * Control block (Int32). TICKET holds `generation << 4 | next unclaimed chunk`: claiming a chunk
 * is a compare-and-swap on it, which also proves the job's parameters are still current.
 */
export const TICKET = 0;
export const DONE = 1;
export const BEGIN = 2;
export const COUNT = 3;
export const HIST_BASE = 4;
export const CHUNKS = 5;
export const QUIT = 6;
export const FAILED = 7;
export const READY = 8;
export const CHUNK_BITS = 4;
export const GENERATION_MASK = 0xffffff;

export interface WorkerData {
  readonly rowBins: Uint8Array | Uint16Array;
  readonly rowStride: number;
  readonly rows: Int32Array;
  readonly gradHess: Float64Array;
  readonly hist: Float64Array;
  readonly partials: Float64Array;
  readonly slotSize: number;
  readonly plan: Int32Array;
  readonly ctrl: Int32Array;
  readonly slot: number;
}

/** A worker's loop (histogram-worker.ts runs it): claims chunks and builds their histograms. */
export function workerMain(kernel: (task: HistogramTask) => void, data: WorkerData): void {
  const ctrl = data.ctrl;
  Atomics.store(ctrl, READY + data.slot, 1);
  Atomics.notify(ctrl, READY + data.slot);
  for (;;) {
    if (Atomics.load(ctrl, QUIT) === 1) return;
    const ticket = Atomics.load(ctrl, TICKET);
    const chunk = ticket & ((1 << CHUNK_BITS) - 1);
    const chunks = ctrl[CHUNKS] as number;
    const begin = ctrl[BEGIN] as number;
    const count = ctrl[COUNT] as number;
    const histBase = ctrl[HIST_BASE] as number;
    if (chunk >= chunks) {
      Atomics.wait(ctrl, TICKET, ticket);
      continue;
    }
    if (Atomics.compareExchange(ctrl, TICKET, ticket, ticket + 1) !== ticket) continue;
    try {
      const from = Math.floor((chunk * count) / chunks);
      const to = Math.floor(((chunk + 1) * count) / chunks);
      const partialBase = (chunk - 1) * data.slotSize;
      if (chunk > 0) data.partials.fill(0, partialBase, partialBase + data.slotSize);
      kernel({
        rowBins: data.rowBins,
        rowStride: data.rowStride,
        rows: data.rows,
        begin: begin + from,
        count: to - from,
        gradHess: data.gradHess,
        hist: chunk === 0 ? data.hist : data.partials,
        histBase: chunk === 0 ? histBase : partialBase,
        plan: data.plan,
        planBase: 0,
      });
    } catch {
      Atomics.store(ctrl, FAILED, 1);
    }
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
  }
}
