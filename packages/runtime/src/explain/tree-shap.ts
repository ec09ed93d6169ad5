/**
 * Exact path-dependent TreeSHAP (Lundberg et al., "From local explanations to global
 * understanding with explainable AI for trees", 2020, Algorithm 2): one pass over each tree per
 * row, O(L·D²) per tree of L leaves and depth D. For every root-to-leaf path it keeps the unique
 * features met so far, the share of cover that reaches the leaf when a feature is left out (z)
 * and whether the row itself follows the path (o), and the permutation weights of every subset
 * size (w); at a leaf each feature on the path gets its Shapley share of the leaf value.
 *
 * Contributions are in log-odds and add up exactly (up to rounding) to the row's raw score minus
 * the forest's expected value (forest.ts: forestExpectedValue). The walk allocates nothing per
 * row: each recursion level owns one segment of preallocated path arrays.
 */
import { goesLeft, type Forest } from './forest.js';

/** Reusable scratch space for explaining rows of one forest (not shared between threads). */
export class TreeShapScratch {
  readonly stride: number;
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** At [l · stride + j]: (l + 1) / (j + 1), the unwinding's factor (a product, not a division). */
  readonly up: Float64Array;
  /** At [l · stride + j]: (l − j) / (l + 1). */
  readonly down: Float64Array;
  /** At [l · stride + j]: (j + 1) / (l + 1). */
  readonly rise: Float64Array;

  constructor(maxDepth: number) {
    // Depth d holds a path of at most d + 2 elements (the root's placeholder included).
    this.stride = maxDepth + 2;
    const size = this.stride * (maxDepth + 2);
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    // The unwinding is one chain of dependent steps per element: divisions there cost their
    // full latency, so its constant factors are tabled once.
    this.up = new Float64Array(size);
    this.down = new Float64Array(size);
    this.rise = new Float64Array(size);
    for (let l = 0; l < this.stride; l++) {
      for (let j = 0; j < this.stride; j++) {
        this.up[l * this.stride + j] = (l + 1) / (j + 1);
        this.down[l * this.stride + j] = (l - j) / (l + 1);
        this.rise[l * this.stride + j] = (j + 1) / (l + 1);
      }
    }
  }
}

export function treeShapScratch(forest: Forest): TreeShapScratch {
  return new TreeShapScratch(forest.maxDepth);
}

class Walk {
  readonly #forest: Forest;
  readonly #x: Float64Array;
  readonly #phi: Float64Array;
  readonly #p: TreeShapScratch;

  constructor(options: {
    forest: Forest;
    x: Float64Array;
    phi: Float64Array;
    scratch: TreeShapScratch;
  }) {
    this.#forest = options.forest;
    this.#x = options.x;
    this.#phi = options.phi;
    this.#p = options.scratch;
  }

  /** Explains the row through the tree rooted at `root`. */
  tree(root: number): void {
    const p = this.#p;
    p.feature[0] = -1;
    p.zero[0] = 1;
    p.one[0] = 1;
    p.weight[0] = 1;
    this.#visit(root, 0, 1);
  }

  /** At `node`, with the path (already extended for it) of `length` elements at level `depth`. */
  #visit(node: number, depth: number, length: number): void {
    const forest = this.#forest;
    const feature = forest.feature[node] ?? -1;
    const offset = depth * this.#p.stride;
    if (feature < 0) {
      this.#leaf(node, offset, length);
      return;
    }
    const left = forest.left[node] ?? 0;
    const right = forest.right[node] ?? 0;
    const toLeft = goesLeft(forest, node, this.#x[feature] ?? NaN);
    const hot = toLeft ? left : right;
    const cold = toLeft ? right : left;
    // A feature met again: take its element out of the path and carry its fractions on.
    let zero = 1;
    let one = 1;
    let n = length;
    const p = this.#p;
    for (let k = 1; k < n; k++) {
      if (p.feature[offset + k] !== feature) continue;
      zero = p.zero[offset + k] ?? 0;
      one = p.one[offset + k] ?? 0;
      this.#unwind(offset, n, k);
      n--;
      break;
    }
    const cover = forest.cover[node] ?? 0;
    const hotZero = cover > 0 ? (zero * (forest.cover[hot] ?? 0)) / cover : 0;
    const coldZero = cover > 0 ? (zero * (forest.cover[cold] ?? 0)) / cover : 0;
    // A child no training row reached and the row does not follow adds nothing: skipped (its
    // weights would all be zero, and unwinding it would divide by zero).
    const from = { offset, length: n, feature };
    if (hotZero > 0 || one > 0) {
      this.#push(from, hotZero, one);
      this.#visit(hot, depth + 1, n + 1);
    }
    if (coldZero > 0) {
      this.#push(from, coldZero, 0);
      this.#visit(cold, depth + 1, n + 1);
    }
  }

  /** Copies the path at `from` to the next level and extends it with (feature, zero, one). */
  #push(
    from: { offset: number; length: number; feature: number },
    zero: number,
    one: number,
  ): void {
    const p = this.#p;
    const to = from.offset + p.stride;
    const l = from.length;
    const src = from.offset;
    for (let i = 0; i < l; i++) {
      p.feature[to + i] = p.feature[src + i] ?? 0;
      p.zero[to + i] = p.zero[src + i] ?? 0;
      p.one[to + i] = p.one[src + i] ?? 0;
    }
    p.feature[to + l] = from.feature;
    p.zero[to + l] = zero;
    p.one[to + l] = one;
    // The new weights straight from the old ones (no copy first, no step waiting on the last).
    const w = p.weight;
    const row = l * p.stride;
    w[to + l] = one * (w[src + l - 1] ?? 0) * (p.rise[row + l - 1] ?? 0);
    for (let i = l - 1; i >= 1; i--) {
      w[to + i] =
        zero * (w[src + i] ?? 0) * (p.down[row + i] ?? 0) +
        one * (w[src + i - 1] ?? 0) * (p.rise[row + i - 1] ?? 0);
    }
    w[to] = zero * (w[src] ?? 0) * (p.down[row] ?? 0);
  }

  /**
   * Gives every feature on the path its share of the leaf's value. For a feature the row does not
   * follow (one = 0) the unwound sum is (l + 1) / zero · Σ_j w_j / (l − j), the same sum for every
   * such feature, and times (one − zero) the zero cancels: one O(D) sum per leaf serves them all
   * (the O(D) unwinding per feature is left for the features the row follows).
   */
  #leaf(node: number, offset: number, length: number): void {
    const p = this.#p;
    const value = this.#forest.value[node] ?? 0;
    const l = length - 1;
    let coldShare = NaN;
    for (let i = 1; i < length; i++) {
      const f = p.feature[offset + i] ?? 0;
      const one = p.one[offset + i] ?? 0;
      if (one === 0) {
        if (Number.isNaN(coldShare)) coldShare = this.#coldSum(offset, l) * (l + 1) * value;
        this.#phi[f] = (this.#phi[f] ?? 0) - coldShare;
        continue;
      }
      const share = this.#unwoundSum(offset, length, i);
      this.#phi[f] = (this.#phi[f] ?? 0) + share * (one - (p.zero[offset + i] ?? 0)) * value;
    }
  }

  /** Σ_j w_j / (l − j) over the path's first l weights. */
  #coldSum(offset: number, l: number): number {
    const w = this.#p.weight;
    let sum = 0;
    for (let j = l - 1; j >= 0; j--) sum += (w[offset + j] ?? 0) / (l - j);
    return sum;
  }

  /** Removes element `index` from the path of `length` elements at `offset` (weights recomputed). */
  #unwind(offset: number, length: number, index: number): void {
    const p = this.#p;
    const l = length - 1;
    const w = p.weight;
    const one = p.one[offset + index] ?? 0;
    const zero = p.zero[offset + index] ?? 0;
    let next = w[offset + l] ?? 0;
    for (let j = l - 1; j >= 0; j--) {
      if (one !== 0) {
        const old = w[offset + j] ?? 0;
        const now = (next * (l + 1)) / ((j + 1) * one);
        w[offset + j] = now;
        next = old - (now * zero * (l - j)) / (l + 1);
      } else {
        w[offset + j] = ((w[offset + j] ?? 0) * (l + 1)) / (zero * (l - j));
      }
    }
    for (let j = index; j < l; j++) {
      p.feature[offset + j] = p.feature[offset + j + 1] ?? -1;
      p.zero[offset + j] = p.zero[offset + j + 1] ?? 0;
      p.one[offset + j] = p.one[offset + j + 1] ?? 0;
    }
  }

  /** The total weight of the path with element `index` removed (unwind, summed, path unchanged). */
  #unwoundSum(offset: number, length: number, index: number): number {
    const p = this.#p;
    const l = length - 1;
    const w = p.weight;
    const one = p.one[offset + index] ?? 0;
    const zero = p.zero[offset + index] ?? 0;
    let total = 0;
    if (one !== 0) {
      const up = p.up;
      const down = p.down;
      const row = l * p.stride;
      const scale = 1 / one;
      let next = w[offset + l] ?? 0;
      for (let j = l - 1; j >= 0; j--) {
        const now = next * (up[row + j] ?? 0) * scale;
        total += now;
        next = (w[offset + j] ?? 0) - now * zero * (down[row + j] ?? 0);
      }
    } else {
      for (let j = l - 1; j >= 0; j--) total += ((w[offset + j] ?? 0) * (l + 1)) / (zero * (l - j));
    }
    return total;
  }
}

/**
 * Adds the SHAP values of row `x` (one value per feature, NaN = missing) to `phi` (one slot per
 * feature, zeroed by the caller).
 */
export function treeShap(options: {
  forest: Forest;
  x: Float64Array;
  phi: Float64Array;
  scratch: TreeShapScratch;
}): void {
  const walk = new Walk(options);
  for (const root of options.forest.roots) walk.tree(root);
}
