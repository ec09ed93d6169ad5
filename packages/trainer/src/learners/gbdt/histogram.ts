/**
 * Gradient/hessian histograms, laid out `[grad, hess]` per bin (float64), all features of a leaf
 * in one slot of a Float64Array (feature `f` starts at bin `binOffsets[f]`). Bin row counts are not
 * stored: like LightGBM, split finding derives them from the hessians (see split.ts), which saves
 * a third read-modify-write per row and feature in the hottest loop of training.
 *
 * Each slot ends with one "sink" bin per thread: features a build must skip (not sampled for the
 * tree, padding of the last feature block, or owned by another thread) accumulate there, so the
 * kernel's unrolled inner block needs no branch.
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
   * bin 0 inside the slot (`2 * bin`; the thread's sink bin for skipped features).
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

/** Values in one histogram slot of a matrix built with `threads` threads (sinks included). */
export function histogramSlotSize(matrix: BinnedMatrix, threads: number): number {
  return (matrix.totalBins + threads) * 2;
}

/** Int32 values one feature plan takes (see `HistogramTask.plan`). */
export function planSize(rowStride: number): number {
  return 1 + rowStride / FEATURE_BLOCK + rowStride;
}

/** Writes the plan that builds `features` (ascending) and sends every other feature to `sink`. */
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
  // Unrolled over one block of 8 features (FEATURE_BLOCK; a literal because this function runs
  // from its source text in the workers).
  for (let i = 0; i < count; i++) {
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
}

/** Single-threaded builder: one plan with every feature of the tree. */
export function createSerialBuilder(matrix: BinnedMatrix): HistogramBuilder {
  const plan = new Int32Array(planSize(matrix.rowStride));
  return {
    useFeatures(features) {
      writePlan({ plan, base: 0, matrix, features, sink: matrix.totalBins });
    },
    build(job) {
      accumulateHistograms({
        ...job,
        rowBins: matrix.rowBins,
        rowStride: matrix.rowStride,
        plan,
        planBase: 0,
      });
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
