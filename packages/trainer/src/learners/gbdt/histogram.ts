/**
 * Gradient/hessian/count histograms, laid out `[grad, hess, count]` per bin, all features of a
 * leaf in one Float64Array slot (feature `f` starts at bin `binOffsets[f]`).
 *
 * `accumulateHistograms` is also shipped to worker threads as source text (see parallel.ts), so it
 * must stay self-contained: no imports, no helpers, no nested functions.
 */

/** One histogram job: the rows of a leaf, for a contiguous range of the feature list. */
export interface HistogramTask {
  /** Row-major global bins, `rowBins[row * numFeatures + feature]` (see BinnedMatrix). */
  readonly rowBins: Uint16Array | Uint32Array;
  readonly numFeatures: number;
  /** Row indices of the partition; the leaf owns `rows[begin .. begin + count)`. */
  readonly rows: Int32Array;
  readonly begin: number;
  readonly count: number;
  /** Gradients/hessians ordered like the leaf's rows (`grad[i]` belongs to `rows[begin + i]`). */
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly hist: Float64Array;
  /** Index in `hist` where this leaf's slot starts. */
  readonly histBase: number;
  /** Features to build, ascending; this task covers `features[featureStart .. featureEnd)`. */
  readonly features: Int32Array;
  readonly featureStart: number;
  readonly featureEnd: number;
}

/** Adds the task's rows into the slot (which the caller zeroed). */
export function accumulateHistograms(task: HistogramTask): void {
  const bins = task.rowBins;
  const nf = task.numFeatures;
  const rows = task.rows;
  const begin = task.begin;
  const count = task.count;
  const grad = task.grad;
  const hess = task.hess;
  const hist = task.hist;
  const base = task.histBase;
  const k0 = task.featureStart;
  const width = task.featureEnd - k0;
  if (width <= 0) return;
  const first = task.features[k0] as number;
  if ((task.features[k0 + width - 1] as number) - first === width - 1) {
    // Contiguous features (the usual case): no feature-list lookup in the inner loop.
    for (let i = 0; i < count; i++) {
      const start = (rows[begin + i] as number) * nf + first;
      const end = start + width;
      const g = grad[i] as number;
      const h = hess[i] as number;
      for (let j = start; j < end; j++) {
        const idx = base + (bins[j] as number) * 3;
        hist[idx] = (hist[idx] as number) + g;
        hist[idx + 1] = (hist[idx + 1] as number) + h;
        hist[idx + 2] = (hist[idx + 2] as number) + 1;
      }
    }
    return;
  }
  const feats = task.features.subarray(k0, k0 + width);
  for (let i = 0; i < count; i++) {
    const rowBase = (rows[begin + i] as number) * nf;
    const g = grad[i] as number;
    const h = hess[i] as number;
    for (let k = 0; k < width; k++) {
      const idx = base + (bins[rowBase + (feats[k] as number)] as number) * 3;
      hist[idx] = (hist[idx] as number) + g;
      hist[idx + 1] = (hist[idx + 1] as number) + h;
      hist[idx + 2] = (hist[idx + 2] as number) + 1;
    }
  }
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
