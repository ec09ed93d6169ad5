/**
 * A checked explainer file's trees in one node table of typed arrays (what TreeSHAP walks), with
 * the routing every champion engine uses: numeric `x <= threshold` on float32 values, category
 * code in the left set, NaN (missing or unseen) follows `missingLeft`.
 */
import type { TreeExplainerFile } from './explainer-file.js';
import { treeDepth } from './tree-checks.js';

export interface Forest {
  readonly featureCount: number;
  readonly baseScore: number;
  /** Per node: split feature, -1 for a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly leftSet: readonly (ReadonlySet<number> | undefined)[];
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  readonly cover: Float64Array;
  readonly roots: Int32Array;
  readonly maxDepth: number;
}

/** Builds the node table of a file that parseExplainerFile accepted. */
export function buildForest(file: TreeExplainerFile): Forest {
  const total = file.trees.reduce((n, t) => n + t.feature.length, 0);
  const forest = {
    featureCount: file.features.length,
    baseScore: file.base_score,
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    leftSet: new Array<ReadonlySet<number> | undefined>(total).fill(undefined),
    missingLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
    roots: new Int32Array(file.trees.length),
    maxDepth: 0,
  };
  let offset = 0;
  file.trees.forEach((tree, t) => {
    forest.roots[t] = offset;
    forest.maxDepth = Math.max(forest.maxDepth, treeDepth(tree));
    for (let i = 0; i < tree.feature.length; i++) {
      const node = offset + i;
      const leaf = tree.feature[i] === -1;
      forest.feature[node] = tree.feature[i] ?? -1;
      forest.threshold[node] = tree.threshold[i] ?? NaN;
      const codes = tree.left_categories[i];
      if (codes) forest.leftSet[node] = new Set(codes);
      forest.missingLeft[node] = tree.missing_left[i] === true ? 1 : 0;
      forest.left[node] = leaf ? -1 : offset + (tree.left[i] ?? 0);
      forest.right[node] = leaf ? -1 : offset + (tree.right[i] ?? 0);
      forest.value[node] = tree.value[i] ?? 0;
      forest.cover[node] = tree.cover[i] ?? 0;
    }
    offset += tree.feature.length;
  });
  return forest;
}

/** Whether a row with value `x` goes to the left child of split `node`. */
export function goesLeft(forest: Forest, node: number, x: number): boolean {
  if (Number.isNaN(x)) return forest.missingLeft[node] === 1;
  const set = forest.leftSet[node];
  return set === undefined ? x <= (forest.threshold[node] ?? NaN) : set.has(x);
}

/** The raw score (log-odds) of one row: base score plus the leaf of every tree. */
export function forestRawScore(forest: Forest, x: Float64Array): number {
  let raw = forest.baseScore;
  for (const root of forest.roots) {
    let node = root;
    for (let f = forest.feature[node] ?? -1; f >= 0; f = forest.feature[node] ?? -1) {
      node = (goesLeft(forest, node, x[f] ?? NaN) ? forest.left[node] : forest.right[node]) ?? 0;
    }
    raw += forest.value[node] ?? 0;
  }
  return raw;
}

/** The expected raw score under the covers: base score plus each tree's cover-weighted leaf mean. */
export function forestExpectedValue(forest: Forest): number {
  let expected = forest.baseScore;
  forest.roots.forEach((root, t) => {
    const end = forest.roots[t + 1] ?? forest.feature.length;
    const rootCover = forest.cover[root] ?? 1;
    for (let node = root; node < end; node++) {
      if (forest.feature[node] === -1)
        expected += ((forest.value[node] ?? 0) * (forest.cover[node] ?? 0)) / rootCover;
    }
  });
  return expected;
}
