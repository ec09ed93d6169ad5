/**
 * Best split of one feature from its histogram, as LightGBM finds it: numeric features scan the
 * bin boundaries with the missing bin on either side; categorical features use one-vs-rest when
 * they have few bins, otherwise categories sorted by gradient/(hessian + cat_smooth).
 */
import type { BinMapper } from './binning.js';

/** The regularisation and constraints a split must satisfy. */
export interface SplitConfig {
  readonly lambdaL1: number;
  readonly lambdaL2: number;
  readonly minDataInLeaf: number;
  readonly minSumHessianInLeaf: number;
  readonly minGainToSplit: number;
  readonly catSmooth: number;
  readonly catL2: number;
  readonly maxCatThreshold: number;
  readonly minDataPerGroup: number;
  readonly maxCatToOnehot: number;
}

export interface SplitCandidate {
  readonly feature: number;
  /** Loss reduction over the unsplit leaf. */
  readonly gain: number;
  /** Which bins of `feature` go left (missing bin included). */
  readonly goLeft: Uint8Array;
  /** Numeric: the last bin on the left; -1 for categorical. */
  readonly thresholdBin: number;
  readonly missingLeft: boolean;
  readonly left: LeafStats;
  readonly right: LeafStats;
}

export interface LeafStats {
  readonly sumGrad: number;
  readonly sumHess: number;
  readonly count: number;
  /** Leaf value before the learning rate. */
  readonly output: number;
}

/** The histogram slice of one feature in one leaf, plus the leaf totals. */
export interface FeatureHistogram {
  readonly feature: number;
  readonly mapper: BinMapper;
  readonly hist: Float64Array;
  /** Index in `hist` of the feature's bin 0 (`[grad, hess]` per bin). */
  readonly base: number;
  readonly sumGrad: number;
  readonly sumHess: number;
  readonly count: number;
}

/**
 * Rows per unit of hessian in the leaf: histogram bins store no row counts, so a bin's count is
 * estimated as `round(hess * factor)` — LightGBM's `cnt_factor`, used the same way for the
 * min_data_in_leaf and cat_smooth checks.
 */
function countFactor(fh: FeatureHistogram): number {
  return fh.sumHess > 0 ? fh.count / fh.sumHess : 0;
}

function binCount(hess: number, factor: number): number {
  return Math.round(hess * factor);
}

function thresholdL1(g: number, l1: number): number {
  const reg = Math.abs(g) - l1;
  return reg > 0 ? Math.sign(g) * reg : 0;
}

/** Leaf value minimising the regularised second-order loss. */
export function leafOutput(options: {
  sumGrad: number;
  sumHess: number;
  l1: number;
  l2: number;
}): number {
  return -thresholdL1(options.sumGrad, options.l1) / (options.sumHess + options.l2);
}

function leafGain(g: number, h: number, cfg: { l1: number; l2: number }): number {
  const t = thresholdL1(g, cfg.l1);
  return (t * t) / (h + cfg.l2);
}

interface Best {
  gain: number;
  lg: number;
  lh: number;
  lc: number;
  l2: number;
}

function stats(options: { g: number; h: number; c: number; l1: number; l2: number }): LeafStats {
  const { g, h, c, l1, l2 } = options;
  return {
    sumGrad: g,
    sumHess: h,
    count: c,
    output: leafOutput({ sumGrad: g, sumHess: h, l1, l2 }),
  };
}

function finish(options: {
  fh: FeatureHistogram;
  cfg: SplitConfig;
  best: Best;
  parentGain: number;
  goLeft: Uint8Array;
  thresholdBin: number;
}): SplitCandidate {
  const { fh, cfg, best, goLeft } = options;
  const missingBin = fh.mapper.numBins - 1;
  const missingCount = binCount(fh.hist[fh.base + missingBin * 2 + 1] as number, countFactor(fh));
  const rc = fh.count - best.lc;
  // No training row with a missing value reached this node: send NaN where most rows go.
  const missingLeft = missingCount > 0 ? goLeft[missingBin] === 1 : best.lc >= rc;
  goLeft[missingBin] = missingLeft ? 1 : 0;
  const l1 = cfg.lambdaL1;
  return {
    feature: fh.feature,
    gain: best.gain - options.parentGain,
    goLeft,
    thresholdBin: options.thresholdBin,
    missingLeft,
    left: stats({ g: best.lg, h: best.lh, c: best.lc, l1, l2: best.l2 }),
    right: stats({ g: fh.sumGrad - best.lg, h: fh.sumHess - best.lh, c: rc, l1, l2: best.l2 }),
  };
}

function numericSplit(fh: FeatureHistogram, cfg: SplitConfig): SplitCandidate | undefined {
  const { hist, base } = fh;
  const valueBins = fh.mapper.numBins - 1;
  if (valueBins < 2) return undefined;
  const reg = { l1: cfg.lambdaL1, l2: cfg.lambdaL2 };
  const parentGain = leafGain(fh.sumGrad, fh.sumHess, reg);
  const minGainShift = parentGain + cfg.minGainToSplit;
  const factor = countFactor(fh);
  const m = base + valueBins * 2;
  const mg = hist[m] as number;
  const mh = hist[m + 1] as number;
  const mc = binCount(mh, factor);
  let best: Best | undefined;
  let bestBin = -1;
  let bestMissingLeft = false;
  let lg = 0;
  let lh = 0;
  let lc = 0;
  for (let t = 0; t < valueBins - 1; t++) {
    const o = base + t * 2;
    const bh = hist[o + 1] as number;
    lg += hist[o] as number;
    lh += bh;
    lc += binCount(bh, factor);
    // Missing values right, then (if any) left — LightGBM's two scans.
    for (let side = 0; side < (mc > 0 ? 2 : 1); side++) {
      const g = side === 0 ? lg : lg + mg;
      const h = side === 0 ? lh : lh + mh;
      const c = side === 0 ? lc : lc + mc;
      const rc = fh.count - c;
      const rh = fh.sumHess - h;
      if (c < cfg.minDataInLeaf || h < cfg.minSumHessianInLeaf) continue;
      if (rc < cfg.minDataInLeaf || rh < cfg.minSumHessianInLeaf) continue;
      const gain = leafGain(g, h, reg) + leafGain(fh.sumGrad - g, rh, reg);
      if (gain > minGainShift && (best === undefined || gain > best.gain)) {
        best = { gain, lg: g, lh: h, lc: c, l2: cfg.lambdaL2 };
        bestBin = t;
        bestMissingLeft = side === 1;
      }
    }
  }
  if (best === undefined) return undefined;
  const goLeft = new Uint8Array(valueBins + 1);
  goLeft.fill(1, 0, bestBin + 1);
  goLeft[valueBins] = bestMissingLeft ? 1 : 0;
  return finish({ fh, cfg, best, parentGain, goLeft, thresholdBin: bestBin });
}

function oneHotSplit(fh: FeatureHistogram, cfg: SplitConfig): SplitCandidate | undefined {
  const { hist, base } = fh;
  const reg = { l1: cfg.lambdaL1, l2: cfg.lambdaL2 };
  const parentGain = leafGain(fh.sumGrad, fh.sumHess, reg);
  const factor = countFactor(fh);
  let best: Best | undefined;
  let bestBin = -1;
  for (let t = 0; t < fh.mapper.numBins; t++) {
    const o = base + t * 2;
    const g = hist[o] as number;
    const h = hist[o + 1] as number;
    const c = binCount(h, factor);
    const rc = fh.count - c;
    const rh = fh.sumHess - h;
    if (c < cfg.minDataInLeaf || h < cfg.minSumHessianInLeaf) continue;
    if (rc < cfg.minDataInLeaf || rh < cfg.minSumHessianInLeaf) continue;
    const gain = leafGain(g, h, reg) + leafGain(fh.sumGrad - g, rh, reg);
    if (gain > parentGain + cfg.minGainToSplit && (best === undefined || gain > best.gain)) {
      best = { gain, lg: g, lh: h, lc: c, l2: cfg.lambdaL2 };
      bestBin = t;
    }
  }
  if (best === undefined) return undefined;
  const goLeft = new Uint8Array(fh.mapper.numBins);
  goLeft[bestBin] = 1;
  return finish({ fh, cfg, best, parentGain, goLeft, thresholdBin: -1 });
}

function sortedCategorySplit(fh: FeatureHistogram, cfg: SplitConfig): SplitCandidate | undefined {
  const { hist, base } = fh;
  const parentGain = leafGain(fh.sumGrad, fh.sumHess, { l1: cfg.lambdaL1, l2: cfg.lambdaL2 });
  const reg = { l1: cfg.lambdaL1, l2: cfg.lambdaL2 + cfg.catL2 };
  const factor = countFactor(fh);
  const count = (t: number): number => binCount(hist[base + t * 2 + 1] as number, factor);
  const used: number[] = [];
  for (let t = 0; t < fh.mapper.numBins; t++) {
    if (count(t) >= cfg.catSmooth) used.push(t);
  }
  const ratio = (t: number): number =>
    (hist[base + t * 2] as number) / ((hist[base + t * 2 + 1] as number) + cfg.catSmooth);
  used.sort((a, b) => ratio(a) - ratio(b) || a - b);
  const n = used.length;
  const maxNumCat = Math.min(cfg.maxCatThreshold, Math.floor((n + 1) / 2));
  const maxThreshold = Math.max(Math.min(maxNumCat, n) - 1, 0);
  let best: Best | undefined;
  let bestLen = 0;
  let bestDir = 1;
  for (const dir of [1, -1]) {
    let pos = dir === 1 ? 0 : n - 1;
    let lg = 0;
    let lh = 0;
    let lc = 0;
    let group = 0;
    for (let i = 0; i < n && i < maxThreshold; i++) {
      const t = used[pos] as number;
      pos += dir;
      const c = count(t);
      lg += hist[base + t * 2] as number;
      lh += hist[base + t * 2 + 1] as number;
      lc += c;
      group += c;
      if (lc < cfg.minDataInLeaf || lh < cfg.minSumHessianInLeaf) continue;
      const rc = fh.count - lc;
      if (rc < cfg.minDataInLeaf || rc < cfg.minDataPerGroup) break;
      const rh = fh.sumHess - lh;
      if (rh < cfg.minSumHessianInLeaf) break;
      if (group < cfg.minDataPerGroup) continue;
      group = 0;
      const gain = leafGain(lg, lh, reg) + leafGain(fh.sumGrad - lg, rh, reg);
      if (gain > parentGain + cfg.minGainToSplit && (best === undefined || gain > best.gain)) {
        best = { gain, lg, lh, lc, l2: reg.l2 };
        bestLen = i + 1;
        bestDir = dir;
      }
    }
  }
  if (best === undefined) return undefined;
  const goLeft = new Uint8Array(fh.mapper.numBins);
  for (let i = 0; i < bestLen; i++) goLeft[used[bestDir === 1 ? i : n - 1 - i] as number] = 1;
  return finish({ fh, cfg, best, parentGain, goLeft, thresholdBin: -1 });
}

/** The best split of one feature in one leaf, or undefined when no split satisfies the constraints. */
export function findBestSplit(fh: FeatureHistogram, cfg: SplitConfig): SplitCandidate | undefined {
  if (fh.mapper.kind === 'numeric') return numericSplit(fh, cfg);
  if (fh.mapper.numBins < 2) return undefined;
  return fh.mapper.numBins <= cfg.maxCatToOnehot
    ? oneHotSplit(fh, cfg)
    : sortedCategorySplit(fh, cfg);
}
