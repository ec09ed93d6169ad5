/**
 * Exact path-dependent TreeSHAP (Lundberg et al., "From local explanations to global
 * understanding with explainable AI for trees", 2020, Algorithm 2): one pass over each tree per
 * row, O(L·D²) per tree of L leaves and depth D. For every root-to-leaf path it keeps the unique
 * features met so far, the share of cover that reaches the leaf when a feature is left out (z)
 * and whether the row itself follows the path (o), and the permutation weights of every subset
 * size (w); at a leaf each feature on the path gets its Shapley share of the leaf value.
 *
 * Contributions are in log-odds and add up exactly (up to rounding) to the row's raw score minus
 * the forest's expected value (forest.ts: forestExpectedValue).
 */
import { goesLeft, type Forest } from './forest.js';

/** The path of unique features, one segment of `stride` slots per recursion level. */
interface PathBuffers {
  readonly stride: number;
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
}

function pathBuffers(maxDepth: number): PathBuffers {
  const stride = maxDepth + 2;
  const size = stride * (maxDepth + 2);
  return {
    stride,
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
}

/** Appends (feature, z, o) to the path of `length` elements at `at`, updating the weights. */
function extend(
  path: PathBuffers,
  at: { offset: number; length: number },
  element: { feature: number; zero: number; one: number },
): void {
  const { offset: o, length: l } = at;
  const { weight } = path;
  path.feature[o + l] = element.feature;
  path.zero[o + l] = element.zero;
  path.one[o + l] = element.one;
  weight[o + l] = l === 0 ? 1 : 0;
  for (let i = l - 1; i >= 0; i--) {
    const w = weight[o + i] ?? 0;
    weight[o + i + 1] = (weight[o + i + 1] ?? 0) + (element.one * w * (i + 1)) / (l + 1);
    weight[o + i] = (element.zero * w * (l - i)) / (l + 1);
  }
}

/** Removes element `index` from the path of `length` elements at `offset`. */
function unwind(path: PathBuffers, at: { offset: number; length: number }, index: number): void {
  const { offset: o, length } = at;
  const l = length - 1;
  const { weight } = path;
  const one = path.one[o + index] ?? 0;
  const zero = path.zero[o + index] ?? 0;
  let next = weight[o + l] ?? 0;
  for (let j = l - 1; j >= 0; j--) {
    if (one !== 0) {
      const w = weight[o + j] ?? 0;
      weight[o + j] = (next * (l + 1)) / ((j + 1) * one);
      next = w - ((weight[o + j] ?? 0) * zero * (l - j)) / (l + 1);
    } else {
      weight[o + j] = ((weight[o + j] ?? 0) * (l + 1)) / (zero * (l - j));
    }
  }
  for (let j = index; j < l; j++) {
    path.feature[o + j] = path.feature[o + j + 1] ?? -1;
    path.zero[o + j] = path.zero[o + j + 1] ?? 0;
    path.one[o + j] = path.one[o + j + 1] ?? 0;
  }
}

/** The total weight the path would have with element `index` removed (unwind, summed). */
function unwoundSum(
  path: PathBuffers,
  at: { offset: number; length: number },
  index: number,
): number {
  const { offset: o, length } = at;
  const l = length - 1;
  const { weight } = path;
  const one = path.one[o + index] ?? 0;
  const zero = path.zero[o + index] ?? 0;
  let total = 0;
  if (one !== 0) {
    let next = weight[o + l] ?? 0;
    for (let j = l - 1; j >= 0; j--) {
      const w = (next * (l + 1)) / ((j + 1) * one);
      total += w;
      next = (weight[o + j] ?? 0) - (w * zero * (l - j)) / (l + 1);
    }
  } else {
    for (let j = l - 1; j >= 0; j--) total += ((weight[o + j] ?? 0) * (l + 1)) / (zero * (l - j));
  }
  return total;
}

interface Walk {
  readonly forest: Forest;
  readonly x: Float64Array;
  readonly phi: Float64Array;
  readonly path: PathBuffers;
}

interface Step {
  readonly node: number;
  readonly depth: number;
  /** The parent's path: its offset and length (after the parent removed a repeated feature). */
  readonly parentLength: number;
  readonly zero: number;
  readonly one: number;
  readonly feature: number;
}

function atLeaf(walk: Walk, at: { offset: number; length: number }, node: number): void {
  const { path, phi } = walk;
  const value = walk.forest.value[node] ?? 0;
  for (let i = 1; i < at.length; i++) {
    const w = unwoundSum(path, at, i);
    const f = path.feature[at.offset + i] ?? 0;
    phi[f] =
      (phi[f] ?? 0) +
      w * ((path.one[at.offset + i] ?? 0) - (path.zero[at.offset + i] ?? 0)) * value;
  }
}

function recurse(walk: Walk, step: Step): void {
  const { forest, path } = walk;
  const offset = step.depth * path.stride;
  if (step.depth > 0) {
    const from = offset - path.stride;
    path.feature.copyWithin(offset, from, from + step.parentLength);
    path.zero.copyWithin(offset, from, from + step.parentLength);
    path.one.copyWithin(offset, from, from + step.parentLength);
    path.weight.copyWithin(offset, from, from + step.parentLength);
  }
  const at = { offset, length: step.parentLength };
  extend(path, at, step);
  at.length++;
  const { node } = step;
  const feature = forest.feature[node] ?? -1;
  if (feature < 0) {
    atLeaf(walk, at, node);
    return;
  }
  const left = forest.left[node] ?? 0;
  const right = forest.right[node] ?? 0;
  const [hot, cold] = goesLeft(forest, node, walk.x[feature] ?? NaN)
    ? [left, right]
    : [right, left];
  let zero = 1;
  let one = 1;
  for (let k = 1; k < at.length; k++) {
    if (path.feature[offset + k] !== feature) continue;
    zero = path.zero[offset + k] ?? 0;
    one = path.one[offset + k] ?? 0;
    unwind(path, at, k);
    at.length--;
    break;
  }
  const cover = forest.cover[node] ?? 0;
  const share = (child: number): number => (cover > 0 ? (forest.cover[child] ?? 0) / cover : 0);
  const next = { depth: step.depth + 1, parentLength: at.length, feature };
  // A child no training row reached and the row does not follow adds nothing: skip it (its
  // weights would all be zero, and unwinding it would divide by zero).
  const hotZero = zero * share(hot);
  if (hotZero > 0 || one > 0) recurse(walk, { ...next, node: hot, zero: hotZero, one });
  const coldZero = zero * share(cold);
  if (coldZero > 0) recurse(walk, { ...next, node: cold, zero: coldZero, one: 0 });
}

/** Reusable scratch space for explaining rows of one forest. */
export function treeShapScratch(forest: Forest): PathBuffers {
  return pathBuffers(forest.maxDepth);
}

/**
 * Adds the SHAP values of row `x` (one value per feature, NaN = missing) to `phi` (one slot per
 * feature, zeroed by the caller).
 */
export function treeShap(options: {
  forest: Forest;
  x: Float64Array;
  phi: Float64Array;
  scratch: PathBuffers;
}): void {
  const walk: Walk = {
    forest: options.forest,
    x: options.x,
    phi: options.phi,
    path: options.scratch,
  };
  for (const root of options.forest.roots) {
    recurse(walk, { node: root, depth: 0, parentLength: 0, zero: 1, one: 1, feature: -1 });
  }
}
