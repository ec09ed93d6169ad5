/**
 * Gradient/hessian histograms, laid out `[grad, hess]` per bin (float64), all features of a leaf
 * in one slot of a Float64Array (feature `f` starts at bin `binOffsets[f]`). Bin row counts are not
 * stored: like LightGBM, split finding derives them from the hessians (see split.ts), which saves
 * a third read-modify-write per row and feature in the hottest loop of training.
 *
 * Each slot ends with a "sink" as wide as the widest feature: features a build must skip (not
 * sampled for the tree, or padding of the last feature block) accumulate there, so the kernel's
 * unrolled inner block needs no branch.
 *
 * Large leaves are built in up to {@link MAX_CHUNKS} row chunks, chunk 0 into the slot and the
 * others into scratch histograms that are then added to the slot in chunk order. The chunking
 * depends only on the leaf's row count, so the sums (and the model) are the same whether one
 * thread builds every chunk or several threads share them (see parallel.ts).
 *
 * `accumulateHistograms` is also shipped to worker threads as source text (see parallel.ts), so it
 * must stay self-contained: no imports, no helpers, no nested functions.
 */
import type { BinnedMatrix } from './binning.js';
import { FEATURE_BLOCK } from './binning.js';

/** The part of a histogram build the tree learner decides: which rows, which slot. */
export interface LeafJob {
  /** Row indices of the partition; the leaf owns `rows[begin .. begin + count)`. */
  readonly rows: Int32Array;
  readonly begin: number;
  readonly count: number;
  /** Interleaved per-row gradients and hessians, indexed by row (see computeGradients). */
  readonly gradHess: Float64Array;
  readonly hist: Float64Array;
  /** Index in `hist` where this leaf's slot starts. */
  readonly histBase: number;
}

/** One kernel call: a leaf job plus the binned rows and the feature plan to use. */
export interface HistogramTask extends LeafJob {
  /** Row-major local bins, `rowBins[row * rowStride + feature]` (see BinnedMatrix). */
  readonly rowBins: Uint8Array | Uint16Array;
  readonly rowStride: number;
  /**
   * At `planBase`: the number of blocks to build, their first features (multiples of 8, up to
   * `rowStride / 8` entries), then for each of the `rowStride` features the index offset of its
   * bin 0 inside the slot (`2 * bin`; the sink for skipped features).
   */
  readonly plan: Int32Array;
  readonly planBase: number;
}

/** Builds histograms (serially or spread over worker threads). */
export interface HistogramBuilder {
  /** Restricts the following builds to `features` (ascending); called once per tree. */
  useFeatures(features: Int32Array): void;
  /** Adds the job's rows into its slot (which the caller zeroed). */
  build(job: LeafJob): void;
}

/** Values in one histogram slot (the sink included). */
export function histogramSlotSize(matrix: BinnedMatrix): number {
  let widest = 1;
  for (let f = 0; f < matrix.numFeatures; f++) {
    const end =
      f + 1 < matrix.numFeatures ? (matrix.binOffsets[f + 1] as number) : matrix.totalBins;
    widest = Math.max(widest, end - (matrix.binOffsets[f] as number));
  }
  return (matrix.totalBins + widest) * 2;
}

/** Most row chunks one leaf's histogram is split into. */
export const MAX_CHUNKS = 8;
/** Rows per chunk at least (smaller leaves are one chunk). */
const CHUNK_ROWS = 8192;

/** Number of row chunks of a leaf with `count` rows (a function of the count alone). */
export function chunkCount(count: number): number {
  return Math.max(1, Math.min(MAX_CHUNKS, Math.floor(count / CHUNK_ROWS)));
}

/** First row (relative to the leaf's begin) of chunk `chunk` of `chunks`. */
export function chunkStart(options: { count: number; chunks: number; chunk: number }): number {
  return Math.floor((options.chunk * options.count) / options.chunks);
}

/** Adds the scratch histograms of chunks `1 .. chunks - 1` to the slot, in chunk order. */
export function mergeChunks(options: {
  hist: Float64Array;
  histBase: number;
  partials: Float64Array;
  chunks: number;
  slotSize: number;
}): void {
  const { hist, histBase, partials, chunks, slotSize } = options;
  for (let c = 1; c < chunks; c++) {
    const base = (c - 1) * slotSize;
    for (let i = 0; i < slotSize; i++) {
      hist[histBase + i] = (hist[histBase + i] as number) + (partials[base + i] as number);
    }
  }
}

/** Int32 values one feature plan takes (see `HistogramTask.plan`). */
export function planSize(rowStride: number): number {
  return 1 + rowStride / FEATURE_BLOCK + rowStride;
}

/**
 * Writes the plan that builds `features` (ascending) and sends every other feature to the sink
 * starting at bin `sink` (which must have room for any feature's bins).
 */
export function writePlan(options: {
  plan: Int32Array;
  base: number;
  matrix: BinnedMatrix;
  features: Int32Array;
  sink: number;
}): void {
  const { plan, base, matrix, features, sink } = options;
  const stride = matrix.rowStride;
  const offsets = base + 1 + stride / FEATURE_BLOCK;
  plan.fill(sink * 2, offsets, offsets + stride);
  let blocks = 0;
  let lastBlock = -1;
  for (const f of features) {
    plan[offsets + f] = (matrix.binOffsets[f] as number) * 2;
    const block = f - (f % FEATURE_BLOCK);
    if (block !== lastBlock) {
      plan[base + 1 + blocks++] = block;
      lastBlock = block;
    }
  }
  plan[base] = blocks;
}

/** Adds the task's rows into the slot (which the caller zeroed). */
export function accumulateHistograms(task: HistogramTask): void {
  const bins = task.rowBins;
  const stride = task.rowStride;
  const rows = task.rows;
  const begin = task.begin;
  const count = task.count;
  const gradHess = task.gradHess;
  const hist = task.hist.subarray(task.histBase);
  const plan = task.plan;
  const p = task.planBase;
  const numBlocks = plan[p] as number;
  const offsets = p + 1 + (stride >> 3);
  if (numBlocks === 0) return;
  // A sparse leaf's rows are far apart in the row-major matrix: every row misses the cache. Every
  // 16 rows, load the next 16 rows' first bin and gradient (a software prefetch: independent
  // misses overlap instead of queueing). Dense leaves are left to the hardware prefetcher.
  const prefetch = count * 8 < rows.length;
  let touched = 0;
  let touchedGrad = 0;
  // Unrolled over one block of 8 features (FEATURE_BLOCK; a literal because this function runs
  // from its source text in the workers).
  for (let i = 0; i < count; i++) {
    if (prefetch && (i & 15) === 0) {
      const stop = Math.min(count, i + 32);
      for (let j = i + 16; j < stop; j++) {
        const r = rows[begin + j] as number;
        touched |= bins[r * stride] as number;
        touchedGrad += gradHess[2 * r] as number;
      }
    }
    const row = rows[begin + i] as number;
    const rowStart = row * stride;
    const g = gradHess[2 * row] as number;
    const h = gradHess[2 * row + 1] as number;
    for (let k = 1; k <= numBlocks; k++) {
      const block = plan[p + k] as number;
      const t = rowStart + block;
      const o = offsets + block;
      let x = (plan[o] as number) + ((bins[t] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 1] as number) + ((bins[t + 1] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 2] as number) + ((bins[t + 2] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 3] as number) + ((bins[t + 3] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 4] as number) + ((bins[t + 4] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 5] as number) + ((bins[t + 5] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 6] as number) + ((bins[t + 6] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
      x = (plan[o + 7] as number) + ((bins[t + 7] as number) << 1);
      hist[x] = (hist[x] as number) + g;
      hist[x + 1] = (hist[x + 1] as number) + h;
    }
  }
  // Never true; keeps the prefetch loads from being optimised away.
  if (touched < 0 && touchedGrad > 0) hist[0] = NaN;
}

/** Single-threaded builder: the chunks one after another. */
export function createSerialBuilder(matrix: BinnedMatrix): HistogramBuilder {
  const plan = new Int32Array(planSize(matrix.rowStride));
  const slotSize = histogramSlotSize(matrix);
  const partials = new Float64Array((MAX_CHUNKS - 1) * slotSize);
  return {
    useFeatures(features) {
      writePlan({ plan, base: 0, matrix, features, sink: matrix.totalBins });
    },
    build(job) {
      const { rowBins, rowStride } = matrix;
      const chunks = chunkCount(job.count);
      for (let c = 0; c < chunks; c++) {
        const begin = chunkStart({ count: job.count, chunks, chunk: c });
        const end = chunkStart({ count: job.count, chunks, chunk: c + 1 });
        if (c > 0) partials.fill(0, (c - 1) * slotSize, c * slotSize);
        accumulateHistograms({
          ...job,
          begin: job.begin + begin,
          count: end - begin,
          hist: c === 0 ? job.hist : partials,
          histBase: c === 0 ? job.histBase : (c - 1) * slotSize,
          rowBins,
          rowStride,
          plan,
          planBase: 0,
        });
      }
      mergeChunks({ hist: job.hist, histBase: job.histBase, partials, chunks, slotSize });
    },
  };
}

/** `target = parent - sibling` over one slot: the larger child's histogram for free. */
export function subtractHistogram(options: {
  hist: Float64Array;
  parentBase: number;
  siblingBase: number;
  length: number;
}): void {
  const { hist, parentBase, siblingBase, length } = options;
  for (let i = 0; i < length; i++) {
    hist[parentBase + i] = (hist[parentBase + i] as number) - (hist[siblingBase + i] as number);
  }
}
