/**
 * Covers: how many training rows reach each node of a tree, counted by routing the rows through
 * the final tree with the model's own routing (float32 values, `x <= threshold`, category codes,
 * NaN follows the missing direction), the routing ONNX and the runtime use.
 */
import type { EncodedDataset } from '../model/types.js';
import type { FlatExplainerTree } from './flat-tree.js';

function goesLeft(
  options: {
    tree: FlatExplainerTree;
    sets: readonly (ReadonlySet<number> | undefined)[];
    node: number;
  },
  x: number,
): boolean {
  const { tree, sets, node } = options;
  if (Number.isNaN(x)) return tree.missing_left[node] === true;
  const categories = sets[node];
  if (categories) return categories.has(x);
  return x <= (tree.threshold[node] ?? Infinity);
}

/** Rows reaching each node of `tree` (indices as in the flat tree). */
export function treeCovers(options: {
  tree: FlatExplainerTree;
  data: Pick<EncodedDataset, 'rowCount' | 'columns'>;
}): Float64Array {
  const { tree, data } = options;
  const cover = new Float64Array(tree.feature.length);
  const sets = tree.left_categories.map((codes) => (codes ? new Set(codes) : undefined));
  for (let row = 0; row < data.rowCount; row++) {
    let node = 0;
    cover[0] = (cover[0] ?? 0) + 1;
    for (let f = tree.feature[0] ?? -1; f >= 0; f = tree.feature[node] ?? -1) {
      const x = data.columns[f]?.[row] ?? NaN;
      node = (goesLeft({ tree, sets, node }, x) ? tree.left[node] : tree.right[node]) ?? -1;
      cover[node] = (cover[node] ?? 0) + 1;
    }
  }
  return cover;
}
