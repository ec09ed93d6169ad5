/** The structural checks of one explainer tree (see explainer-file.ts). */
import type { ExplainerFeature, ExplainerTree } from './explainer-file.js';

const COVER_TOLERANCE = 1e-9;

function sameLengths(tree: ExplainerTree): string | undefined {
  const n = tree.feature.length;
  if (n === 0) return 'has no nodes';
  for (const key of [
    'threshold',
    'left_categories',
    'missing_left',
    'left',
    'right',
    'value',
    'cover',
  ] as const) {
    if (tree[key].length !== n) return `'${key}' has ${tree[key].length} entries, not ${n}`;
  }
  return undefined;
}

function splitProblem(
  tree: ExplainerTree,
  node: number,
  features: readonly ExplainerFeature[],
): string | undefined {
  const f = tree.feature[node] ?? -1;
  const feature = features[f];
  if (feature === undefined) return `node ${node} splits on feature ${f}, which does not exist`;
  if (feature.type === 'numeric') {
    const t = tree.threshold[node];
    if (typeof t !== 'number' || Number.isNaN(t))
      return `node ${node} splits numeric '${feature.name}' without a threshold`;
    return undefined;
  }
  const codes = tree.left_categories[node];
  const count = feature.categories?.length ?? 0;
  if (!codes) return `node ${node} splits categorical '${feature.name}' without left_categories`;
  const bad = codes.find((c) => c >= count);
  return bad === undefined
    ? undefined
    : `node ${node} sends category code ${bad} left, but '${feature.name}' has ${count} categories`;
}

function childProblem(tree: ExplainerTree, node: number, parents: Uint8Array): string | undefined {
  const n = tree.feature.length;
  for (const child of [tree.left[node] ?? -1, tree.right[node] ?? -1]) {
    // Children after their parent: no cycle, and the recursion is bounded by the node count.
    if (!(child > node && child < n))
      return `node ${node} has child ${child} (must be in ${node + 1}..${n - 1})`;
    if (parents[child] === 1) return `node ${child} has two parents`;
    parents[child] = 1;
  }
  const cover = tree.cover[node] ?? 0;
  const sum = (tree.cover[tree.left[node] ?? 0] ?? 0) + (tree.cover[tree.right[node] ?? 0] ?? 0);
  if (Math.abs(cover - sum) > COVER_TOLERANCE * Math.max(1, cover))
    return `node ${node} has cover ${cover}, its children ${sum}`;
  return undefined;
}

/** The depth of a checked tree (root = 0; the deepest leaf's). */
export function treeDepth(tree: ExplainerTree): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  for (let node = 0; node < tree.feature.length; node++) {
    if ((tree.feature[node] ?? -1) < 0) continue;
    const d = (depth[node] ?? 0) + 1;
    depth[tree.left[node] ?? 0] = d;
    depth[tree.right[node] ?? 0] = d;
    max = Math.max(max, d);
  }
  return max;
}

/** The first structural problem of `tree`, or undefined. */
export function treeProblem(
  tree: ExplainerTree,
  features: readonly ExplainerFeature[],
): string | undefined {
  const lengths = sameLengths(tree);
  if (lengths !== undefined) return lengths;
  if (!((tree.cover[0] ?? 0) > 0)) return 'the root has no cover';
  const parents = new Uint8Array(tree.feature.length);
  for (let node = 0; node < tree.feature.length; node++) {
    if (tree.feature[node] === -1) {
      if (tree.left[node] !== -1 || tree.right[node] !== -1) return `leaf ${node} has children`;
      continue;
    }
    const problem = splitProblem(tree, node, features) ?? childProblem(tree, node, parents);
    if (problem !== undefined) return problem;
  }
  const orphan = parents.findIndex((p, node) => node > 0 && p === 0);
  return orphan === -1 ? undefined : `node ${orphan} has no parent`;
}
