/** Adds a freshly grown tree to the training scores without re-reading float columns. */
import type { BinnedMatrix } from './binning.js';
import type { BuiltTree } from './tree-learner.js';

function leafOfRow(tree: BuiltTree, matrix: BinnedMatrix, row: number): number {
  if (tree.nodes.length === 0) return 0;
  let ref = 0;
  while (ref >= 0) {
    const node = tree.nodes[ref];
    if (node === undefined) return 0;
    const bin = matrix.columns[node.split.feature]?.[row] ?? 0;
    ref = node.split.goLeft[bin] === 1 ? node.left : node.right;
  }
  return ~ref;
}

/**
 * In-bag rows take their leaf from the partition (already known); out-of-bag rows (bagging) walk
 * the tree on their bins.
 */
export function addTreeToScores(options: {
  tree: BuiltTree;
  rows: Int32Array;
  score: Float64Array;
  shrinkage: number;
  matrix: BinnedMatrix;
  inBag: Uint8Array | undefined;
}): void {
  const { tree, rows, score, shrinkage, matrix, inBag } = options;
  for (let leaf = 0; leaf < tree.numLeaves; leaf++) {
    const value = (tree.leafOutput[leaf] as number) * shrinkage;
    const begin = tree.leafBegin[leaf] as number;
    const end = begin + (tree.leafCount[leaf] as number);
    for (let i = begin; i < end; i++) {
      const r = rows[i] as number;
      score[r] = (score[r] as number) + value;
    }
  }
  if (inBag === undefined) return;
  for (let r = 0; r < score.length; r++) {
    if (inBag[r] === 1) continue;
    score[r] =
      (score[r] as number) + (tree.leafOutput[leafOfRow(tree, matrix, r)] as number) * shrinkage;
  }
}
