/**
 * Champion's trees as the Python `shap` package reads them (its custom-tree dicts), for the two
 * places that hand our trees to shap's TreeExplainer: the TreeSHAP cross-check
 * (test/tree-shap-vs-shap.integration.test.ts) and the explain bench's peer. The script that
 * reads this input is test/python/shap_tree_path.py. shap routes with `x <= threshold` and sends
 * a missing value to `children_default` (our missing direction); it has no categorical splits,
 * so only all-numeric explainers can be handed over.
 */
import type { ExplainerFile } from '../explain/explainer-file.js';

type TreeFile = Extract<ExplainerFile, { kind: 'trees' }>;

/** What shap_tree_path.py reads. */
export interface ShapPeerInput {
  readonly trees: readonly unknown[];
  readonly base_offset: number;
  /** float32 values, as the model sees them; null = missing. */
  readonly rows: readonly (readonly (number | null)[])[];
}

/** The explainer file's trees as shap's custom-tree dicts. */
export function shapCustomTrees(file: TreeFile): unknown[] {
  return file.trees.map((t) => ({
    children_left: t.left,
    children_right: t.right,
    children_default: t.left.map((l, i) => (t.missing_left[i] ? l : (t.right[i] ?? -1))),
    features: t.feature.map((f) => (f < 0 ? -2 : f)),
    thresholds: t.threshold.map((v) => v ?? 0),
    values: t.value,
    node_sample_weight: t.cover,
  }));
}

/** The input of shap_tree_path.py: the trees and `rows` (one value per feature, NaN = missing). */
export function shapPeerInput(file: TreeFile, rows: readonly (readonly number[])[]): ShapPeerInput {
  if (file.features.some((f) => f.type !== 'numeric'))
    throw new Error('shap custom trees have no categorical splits: the explainer has categories');
  return {
    trees: shapCustomTrees(file),
    base_offset: file.base_score,
    rows: rows.map((r) => r.map((v) => (Number.isNaN(v) ? null : Math.fround(v)))),
  };
}
