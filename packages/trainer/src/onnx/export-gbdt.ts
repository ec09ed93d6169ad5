/**
 * A gradient-boosted model as one ai.onnx.ml `TreeEnsemble` (opset 5) summing every tree's leaf
 * into a raw score, then `baseScore` and a `Sigmoid` of our own (ORT ignores a LOGISTIC
 * post-transform on TreeEnsemble). Numeric splits are BRANCH_LEQ on the float32 threshold;
 * categorical splits are BRANCH_MEMBER on the category code with the left categories as members.
 */
import type { GbdtModel, TreeNode } from '../model/types.js';
import { ML_DOMAIN, type GraphBuilder, DataType } from '@champion/onnx';

const BRANCH_LEQ = 0;
const BRANCH_MEMBER = 6;
const AGGREGATE_SUM = 1;
const POST_TRANSFORM_NONE = 0;

/** The flattened `nodes_*` / `leaf_*` attributes of TreeEnsemble. */
interface EnsembleArrays {
  readonly treeRoots: number[];
  readonly featureIds: number[];
  readonly modes: number[];
  readonly splits: number[];
  readonly missingTracksTrue: number[];
  readonly trueIds: number[];
  readonly trueLeafs: number[];
  readonly falseIds: number[];
  readonly falseLeafs: number[];
  readonly membershipValues: number[];
  readonly leafWeights: number[];
}

/** Adds the ensemble over the `[N, F]` double matrix `features`; returns the `[N, 1]` logit. */
export function addGbdtLogit(
  g: GraphBuilder,
  { model, features }: { model: GbdtModel; features: string },
): string {
  const arrays = flattenTrees(model.trees);
  const doubles = (values: readonly number[]) =>
    ({
      type: 'tensor',
      value: { dataType: DataType.DOUBLE, dims: [values.length], values },
    }) as const;
  const ints = (value: readonly number[]) => ({ type: 'ints', value }) as const;
  const raw = g.node('TreeEnsemble', [features], {
    domain: ML_DOMAIN,
    name: 'tree_sum',
    attributes: {
      n_targets: { type: 'int', value: 1 },
      aggregate_function: { type: 'int', value: AGGREGATE_SUM },
      post_transform: { type: 'int', value: POST_TRANSFORM_NONE },
      tree_roots: ints(arrays.treeRoots),
      nodes_featureids: ints(arrays.featureIds),
      nodes_modes: {
        type: 'tensor',
        value: { dataType: DataType.UINT8, dims: [arrays.modes.length], values: arrays.modes },
      },
      nodes_splits: doubles(arrays.splits),
      nodes_missing_value_tracks_true: ints(arrays.missingTracksTrue),
      nodes_truenodeids: ints(arrays.trueIds),
      nodes_trueleafs: ints(arrays.trueLeafs),
      nodes_falsenodeids: ints(arrays.falseIds),
      nodes_falseleafs: ints(arrays.falseLeafs),
      leaf_targetids: ints(arrays.leafWeights.map(() => 0)),
      leaf_weights: doubles(arrays.leafWeights),
      ...(arrays.membershipValues.length > 0
        ? { membership_values: doubles(arrays.membershipValues) }
        : {}),
    },
  });
  const base = g.constant('base_score', {
    dataType: DataType.DOUBLE,
    dims: [],
    values: [model.baseScore],
  });
  return g.node('Add', [raw, base], { name: 'logit' });
}

/** Flattens trees into TreeEnsemble's parallel arrays (interior nodes and leaves separately). */
export function flattenTrees(trees: readonly TreeNode[]): EnsembleArrays {
  const a: EnsembleArrays = {
    treeRoots: [],
    featureIds: [],
    modes: [],
    splits: [],
    missingTracksTrue: [],
    trueIds: [],
    trueLeafs: [],
    falseIds: [],
    falseLeafs: [],
    membershipValues: [],
    leafWeights: [],
  };
  for (const tree of trees) {
    if (tree.kind === 'leaf') {
      // The spec encodes a one-leaf tree as one node whose branches share a leaf, but
      // onnxruntime-node 1.23 then reads leaf_weights at the root's *node* index (see
      // addSubtree). Two leaves of equal value under a dummy split give the same result anywhere.
      const root = addNode(a, { feature: 0, mode: BRANCH_LEQ, split: 0, missingTrue: true });
      setChild(a, { node: root, side: 'true', child: addLeaf(a, tree.value), isLeaf: true });
      setChild(a, { node: root, side: 'false', child: addLeaf(a, tree.value), isLeaf: true });
      a.treeRoots.push(root);
    } else {
      a.treeRoots.push(addSubtree(a, tree));
    }
  }
  return a;
}

/** Adds an interior node and its subtrees (iteratively: deep trees must not overflow the stack). */
function addSubtree(a: EnsembleArrays, root: Exclude<TreeNode, { kind: 'leaf' }>): number {
  const rootIndex = addSplit(a, root);
  // onnxruntime-node 1.23 takes a root whose true and false ids are equal for a one-leaf tree,
  // ignoring nodes_trueleafs/falseleafs (fixed in later ORT). A root with one leaf child and one
  // node child would get equal ids exactly when the next leaf and node indices are equal, so
  // skip one leaf index (an unreferenced leaf is ignored by every runtime and by the checker).
  if (
    (root.left.kind === 'leaf') !== (root.right.kind === 'leaf') &&
    a.leafWeights.length === a.modes.length
  ) {
    addLeaf(a, 0);
  }
  const pending: { node: number; split: Exclude<TreeNode, { kind: 'leaf' }> }[] = [
    { node: rootIndex, split: root },
  ];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    for (const side of ['true', 'false'] as const) {
      const child = side === 'true' ? item.split.left : item.split.right;
      if (child.kind === 'leaf') {
        setChild(a, { node: item.node, side, child: addLeaf(a, child.value), isLeaf: true });
      } else {
        const index = addSplit(a, child);
        setChild(a, { node: item.node, side, child: index, isLeaf: false });
        pending.push({ node: index, split: child });
      }
    }
  }
  return rootIndex;
}

function addSplit(a: EnsembleArrays, split: Exclude<TreeNode, { kind: 'leaf' }>): number {
  if (split.kind === 'numeric') {
    return addNode(a, {
      feature: split.feature,
      mode: BRANCH_LEQ,
      split: split.threshold,
      missingTrue: split.missingLeft,
    });
  }
  if (split.leftCategories.length === 0) {
    // No category goes left (codes are >= 0): an empty member set is not encodable, and ORT
    // cannot take one, so use code <= -1, which only the missing path can make true.
    return addNode(a, {
      feature: split.feature,
      mode: BRANCH_LEQ,
      split: -1,
      missingTrue: split.missingLeft,
    });
  }
  a.membershipValues.push(...[...split.leftCategories].sort((x, y) => x - y), Number.NaN);
  return addNode(a, {
    feature: split.feature,
    mode: BRANCH_MEMBER,
    split: 0,
    missingTrue: split.missingLeft,
  });
}

function addNode(
  a: EnsembleArrays,
  node: { feature: number; mode: number; split: number; missingTrue: boolean },
): number {
  a.featureIds.push(node.feature);
  a.modes.push(node.mode);
  a.splits.push(node.split);
  a.missingTracksTrue.push(node.missingTrue ? 1 : 0);
  a.trueIds.push(-1);
  a.trueLeafs.push(0);
  a.falseIds.push(-1);
  a.falseLeafs.push(0);
  return a.modes.length - 1;
}

function addLeaf(a: EnsembleArrays, value: number): number {
  a.leafWeights.push(value);
  return a.leafWeights.length - 1;
}

function setChild(
  a: EnsembleArrays,
  link: { node: number; side: 'true' | 'false'; child: number; isLeaf: boolean },
): void {
  const ids = link.side === 'true' ? a.trueIds : a.falseIds;
  const leafs = link.side === 'true' ? a.trueLeafs : a.falseLeafs;
  ids[link.node] = link.child;
  leafs[link.node] = link.isLeaf ? 1 : 0;
}
