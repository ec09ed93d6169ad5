/**
 * In-memory prediction from a `GbdtModel` on an `EncodedDataset`, with exactly the ONNX routing:
 * numeric `x <= threshold` (float32 inputs), categorical code in `leftCategories`, NaN follows
 * `missingLeft`. Trees are flattened to typed arrays once per call.
 */
import type { EncodedDataset, GbdtModel, TreeNode } from '../../model/types.js';

interface FlatTrees {
  /** Per node: feature index, or -1 for a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  /** Categorical nodes: the set of left codes; undefined for other nodes. */
  readonly categories: readonly (Set<number> | undefined)[];
  readonly roots: Int32Array;
}

function countNodes(node: TreeNode): number {
  return node.kind === 'leaf' ? 1 : 1 + countNodes(node.left) + countNodes(node.right);
}

/** Flattens a list of trees into one node table. */
export function flattenTrees(trees: readonly TreeNode[]): FlatTrees {
  const total = trees.reduce((n, t) => n + countNodes(t), 0);
  const flat = {
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    missingLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    categories: new Array<Set<number> | undefined>(total).fill(undefined),
    roots: new Int32Array(trees.length),
  };
  let next = 0;
  const add = (node: TreeNode): number => {
    const id = next++;
    if (node.kind === 'leaf') {
      flat.feature[id] = -1;
      flat.value[id] = node.value;
      return id;
    }
    flat.feature[id] = node.feature;
    flat.missingLeft[id] = node.missingLeft ? 1 : 0;
    if (node.kind === 'numeric') flat.threshold[id] = node.threshold;
    else flat.categories[id] = new Set(node.leftCategories);
    flat.left[id] = add(node.left);
    flat.right[id] = add(node.right);
    return id;
  };
  trees.forEach((tree, i) => (flat.roots[i] = add(tree)));
  return flat;
}

/** Adds the trees' outputs to `out` (one entry per row). */
export function addTreesRaw(options: {
  trees: readonly TreeNode[];
  data: EncodedDataset;
  out: Float64Array;
}): void {
  const { data, out } = options;
  const flat = flattenTrees(options.trees);
  const { feature, threshold, missingLeft, left, right, value, categories, roots } = flat;
  const columns = data.columns;
  for (let t = 0; t < roots.length; t++) {
    for (let r = 0; r < data.rowCount; r++) {
      let node = roots[t] as number;
      let f = feature[node] as number;
      while (f >= 0) {
        const x = (columns[f] as Float32Array)[r] as number;
        let goLeft: boolean;
        if (Number.isNaN(x)) goLeft = missingLeft[node] === 1;
        else {
          const cats = categories[node];
          goLeft = cats === undefined ? x <= (threshold[node] as number) : cats.has(x);
        }
        node = goLeft ? (left[node] as number) : (right[node] as number);
        f = feature[node] as number;
      }
      out[r] = (out[r] as number) + (value[node] as number);
    }
  }
}

/** Raw scores (log-odds): `baseScore + sum of leaves`, one per row. */
export function predictRaw(model: GbdtModel, data: EncodedDataset): Float64Array {
  const out = new Float64Array(data.rowCount).fill(model.baseScore);
  addTreesRaw({ trees: model.trees, data, out });
  return out;
}

/** Positive-class probabilities, `sigmoid(predictRaw)`. */
export function predictProba(model: GbdtModel, data: EncodedDataset): Float64Array {
  const raw = predictRaw(model, data);
  for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + Math.exp(-(raw[i] as number)));
  return raw;
}
