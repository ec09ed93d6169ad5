/** Turns a grown tree (bins) into the model's `TreeNode` (float32 thresholds, category codes). */
import type { TreeNode } from '../../model/types.js';
import type { BinMapper } from './binning.js';
import type { BuiltTree } from './tree-learner.js';

function categoriesGoingLeft(
  mapper: BinMapper & { kind: 'categorical' },
  goLeft: Uint8Array,
): number[] {
  const codes: number[] = [];
  mapper.binToCode.forEach((code, bin) => {
    if (goLeft[bin] === 1) codes.push(code);
  });
  // Codes over the bin budget were trained as missing: they follow the missing direction.
  if (goLeft[mapper.numBins - 1] === 1) codes.push(...mapper.overflowCodes);
  return codes.sort((a, b) => a - b);
}

/** Converts with the learning rate folded into every leaf value. */
export function toModelTree(
  tree: BuiltTree,
  options: { mappers: readonly BinMapper[]; learningRate: number },
): TreeNode {
  const convert = (ref: number): TreeNode => {
    if (ref < 0) {
      return { kind: 'leaf', value: (tree.leafOutput[~ref] ?? 0) * options.learningRate };
    }
    const node = tree.nodes[ref];
    const mapper = node === undefined ? undefined : options.mappers[node.split.feature];
    if (node === undefined || mapper === undefined) throw new Error(`tree node ${ref} is dangling`);
    const { split } = node;
    const common = {
      feature: split.feature,
      missingLeft: split.missingLeft,
      gain: split.gain,
      left: convert(node.left),
      right: convert(node.right),
    };
    if (mapper.kind === 'categorical') {
      return {
        kind: 'categorical',
        leftCategories: categoriesGoingLeft(mapper, split.goLeft),
        ...common,
      };
    }
    return {
      kind: 'numeric',
      threshold: mapper.upperBounds[split.thresholdBin] ?? Infinity,
      ...common,
    };
  };
  return convert(tree.nodes.length === 0 ? ~0 : 0);
}
