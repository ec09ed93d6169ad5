/** A model tree as champion/explainer.json stores it: parallel arrays over pre-order nodes. */
import type { TreeNode } from '../model/types.js';

export interface FlatExplainerTree {
  /** Split feature index, -1 for a leaf. */
  readonly feature: readonly number[];
  /** Numeric split: go left when x <= threshold (float32 value); null otherwise. */
  readonly threshold: readonly (number | null)[];
  /** Categorical split: the category codes going left; null otherwise. */
  readonly left_categories: readonly (readonly number[] | null)[];
  /** Whether a missing value (NaN, unseen category) goes left. */
  readonly missing_left: readonly boolean[];
  /** Child indices, -1 for a leaf. */
  readonly left: readonly number[];
  readonly right: readonly number[];
  /** Leaf value added to the raw score (0 for splits). */
  readonly value: readonly number[];
}

interface Builder {
  feature: number[];
  threshold: (number | null)[];
  left_categories: (number[] | null)[];
  missing_left: boolean[];
  left: number[];
  right: number[];
  value: number[];
}

/**
 * JSON has no infinities (JSON.stringify writes null): an infinite threshold becomes the largest
 * double, which routes every finite value the same way.
 */
function jsonThreshold(threshold: number): number {
  if (Number.isFinite(threshold)) return threshold;
  return threshold > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
}

/** Flattens one tree, root first, every child after its parent. */
export function flatTree(root: TreeNode): FlatExplainerTree {
  const out: Builder = {
    feature: [],
    threshold: [],
    left_categories: [],
    missing_left: [],
    left: [],
    right: [],
    value: [],
  };
  const add = (node: TreeNode): number => {
    const id = out.feature.length;
    const leaf = node.kind === 'leaf';
    out.feature.push(leaf ? -1 : node.feature);
    out.threshold.push(node.kind === 'numeric' ? jsonThreshold(node.threshold) : null);
    out.left_categories.push(node.kind === 'categorical' ? [...node.leftCategories] : null);
    out.missing_left.push(leaf ? false : node.missingLeft);
    out.left.push(-1);
    out.right.push(-1);
    out.value.push(leaf ? node.value : 0);
    if (!leaf) {
      out.left[id] = add(node.left);
      out.right[id] = add(node.right);
    }
    return id;
  };
  add(root);
  return out;
}
