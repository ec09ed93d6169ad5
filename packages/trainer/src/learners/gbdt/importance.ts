/** Feature importance from a trained model: total split gain and number of splits per feature. */
import type { GbdtModel, TreeNode } from '../../model/types.js';

export interface FeatureImportance {
  readonly feature: string;
  /** Sum of the loss reduction of every split on the feature. */
  readonly gain: number;
  /** Number of splits on the feature. */
  readonly splits: number;
}

/** One entry per model feature, in feature order (unused features have zeros). */
export function featureImportance(model: GbdtModel): FeatureImportance[] {
  const gain = new Float64Array(model.features.length);
  const splits = new Float64Array(model.features.length);
  const visit = (node: TreeNode): void => {
    if (node.kind === 'leaf') return;
    gain[node.feature] = (gain[node.feature] ?? 0) + node.gain;
    splits[node.feature] = (splits[node.feature] ?? 0) + 1;
    visit(node.left);
    visit(node.right);
  };
  model.trees.forEach(visit);
  return model.features.map((f, i) => ({
    feature: f.name,
    gain: gain[i] ?? 0,
    splits: splits[i] ?? 0,
  }));
}
