/**
 * A TreeEnsemble node (ai.onnx.ml opset 5) read into trees the code generator walks: SUM of one
 * target, no post-transform, BRANCH_LEQ and BRANCH_MEMBER splits only, every child inside the
 * ensemble. Anything else is NotCompilable.
 */
import { attribute, NotCompilable, numbers } from './attributes.js';
import type { OnnxNode } from '@champion/onnx';

export const BRANCH_LEQ = 0;
export const BRANCH_MEMBER = 6;

export interface Split {
  readonly feature: number;
  readonly mode: number;
  readonly value: number;
  readonly members: readonly number[];
  readonly missingTrue: boolean;
  readonly trueChild: number;
  readonly trueIsLeaf: boolean;
  readonly falseChild: number;
  readonly falseIsLeaf: boolean;
}

export interface Ensemble {
  readonly roots: readonly number[];
  readonly splits: readonly Split[];
  readonly leafWeights: readonly number[];
  /** Graph input feeding each column of the ensemble's matrix. */
  readonly columns: readonly number[];
}

const ENSEMBLE_ATTRIBUTES = new Set([
  'n_targets',
  'aggregate_function',
  'post_transform',
  'tree_roots',
  'nodes_featureids',
  'nodes_modes',
  'nodes_splits',
  'nodes_missing_value_tracks_true',
  'nodes_truenodeids',
  'nodes_trueleafs',
  'nodes_falsenodeids',
  'nodes_falseleafs',
  'leaf_targetids',
  'leaf_weights',
  'membership_values',
]);

/** Reads `node`, whose input columns come from the graph inputs `columns`. */
export function readEnsemble(node: OnnxNode, columns: readonly number[]): Ensemble {
  for (const name of node.attributes.keys()) {
    if (!ENSEMBLE_ATTRIBUTES.has(name)) throw new NotCompilable(`TreeEnsemble: attribute ${name}`);
  }
  if (attribute(node, 'n_targets', 'int') !== 1)
    throw new NotCompilable('TreeEnsemble: n_targets != 1');
  if (attribute(node, 'aggregate_function', 'int') !== 1)
    throw new NotCompilable('TreeEnsemble: not SUM');
  if (attribute(node, 'post_transform', 'int') !== 0)
    throw new NotCompilable('TreeEnsemble: post_transform');
  const roots = numbers(node, 'tree_roots', 'ints');
  const features = numbers(node, 'nodes_featureids', 'ints');
  const modes = numbers(node, 'nodes_modes', 'tensor');
  const splitValues = numbers(node, 'nodes_splits', 'tensor');
  const missing = numbers(node, 'nodes_missing_value_tracks_true', 'ints');
  const trueIds = numbers(node, 'nodes_truenodeids', 'ints');
  const trueLeafs = numbers(node, 'nodes_trueleafs', 'ints');
  const falseIds = numbers(node, 'nodes_falsenodeids', 'ints');
  const falseLeafs = numbers(node, 'nodes_falseleafs', 'ints');
  const leafWeights = numbers(node, 'leaf_weights', 'tensor');
  const targets = numbers(node, 'leaf_targetids', 'ints');
  const members = node.attributes.has('membership_values')
    ? numbers(node, 'membership_values', 'tensor')
    : [];
  const n = modes.length;
  for (const list of [features, splitValues, missing, trueIds, trueLeafs, falseIds, falseLeafs]) {
    if (list.length !== n)
      throw new NotCompilable('TreeEnsemble: node attributes differ in length');
  }
  if (targets.length !== leafWeights.length || targets.some((t) => t !== 0)) {
    throw new NotCompilable('TreeEnsemble: leaves must all go to target 0');
  }
  let memberAt = 0;
  const splits = modes.map((mode, i): Split => {
    const feature = features[i] as number;
    if (feature < 0 || feature >= columns.length) {
      throw new NotCompilable(`TreeEnsemble: node ${i} reads feature ${feature}`);
    }
    let set: number[] = [];
    if (mode === BRANCH_MEMBER) {
      const end = members.findIndex((v, k) => k >= memberAt && Number.isNaN(v));
      if (end < 0) throw new NotCompilable('TreeEnsemble: membership_values is too short');
      set = members.slice(memberAt, end);
      memberAt = end + 1;
    } else if (mode !== BRANCH_LEQ) {
      throw new NotCompilable(`TreeEnsemble: node mode ${mode} is not supported`);
    }
    const split: Split = {
      feature,
      mode,
      value: splitValues[i] as number,
      members: set,
      missingTrue: missing[i] === 1,
      trueChild: trueIds[i] as number,
      trueIsLeaf: trueLeafs[i] === 1,
      falseChild: falseIds[i] as number,
      falseIsLeaf: falseLeafs[i] === 1,
    };
    for (const [child, leaf] of [
      [split.trueChild, split.trueIsLeaf],
      [split.falseChild, split.falseIsLeaf],
    ] as const) {
      if (child < 0 || child >= (leaf ? leafWeights.length : n)) {
        throw new NotCompilable(`TreeEnsemble: node ${i} points outside the ensemble`);
      }
    }
    return split;
  });
  return { roots, splits, leafWeights, columns };
}
