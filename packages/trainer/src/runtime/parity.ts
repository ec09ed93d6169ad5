/**
 * The parity check behind every logged model: the exported ONNX graph, run in onnxruntime-node,
 * must give the in-memory model's probabilities (within a tolerance) on the held-out rows and on
 * edge rows built from the model itself: every split threshold and the float32 values just above
 * and below it, NaN in every numeric column, every seen category, the empty string and an unseen
 * category in every categorical column.
 */
import type { Model, TreeNode } from '../model/types.js';
import { LEARNERS } from '../learners/catalog.js';
import { nextFloat32Down, nextFloat32Up } from '../onnx/index.js';
import type { OnnxScorer } from './onnx-session.js';
import { encodeRaw, type RawColumn } from './raw-columns.js';

export const UNSEEN_CATEGORY = '\u0000champion-unseen-category';

function collectThresholds(node: TreeNode, out: { feature: number; threshold: number }[]): void {
  if (node.kind === 'leaf') return;
  if (node.kind === 'numeric') out.push({ feature: node.feature, threshold: node.threshold });
  collectThresholds(node.left, out);
  collectThresholds(node.right, out);
}

/** Edge rows: each varies one feature of `base` (row 0 of `base`) to an edge value. */
export function edgeRows(model: Model, base: readonly RawColumn[]): RawColumn[] {
  const probes: { feature: number; value: number | string }[] = [];
  if (model.kind === 'gbdt') {
    const thresholds: { feature: number; threshold: number }[] = [];
    for (const tree of model.trees) collectThresholds(tree, thresholds);
    const seen = new Set<string>();
    for (const { feature, threshold } of thresholds) {
      for (const value of [threshold, nextFloat32Up(threshold), nextFloat32Down(threshold)]) {
        const key = `${feature}:${value}`;
        if (!seen.has(key)) probes.push({ feature, value });
        seen.add(key);
      }
    }
  }
  model.features.forEach((spec, feature) => {
    const values: (number | string)[] =
      spec.kind === 'numeric' ? [Number.NaN] : [...(spec.categories ?? []), '', UNSEEN_CATEGORY];
    for (const value of values) probes.push({ feature, value });
  });
  return model.features.map((spec, feature) => {
    const column = base[feature];
    const fill = column?.[0] ?? (spec.kind === 'numeric' ? Number.NaN : '');
    const values = probes.map((p) => (p.feature === feature ? p.value : fill));
    return spec.kind === 'numeric' ? Float32Array.from(values, Number) : values.map(String);
  });
}

export interface ParityReport {
  readonly rows: number;
  readonly edgeRows: number;
  readonly maxAbsDiff: number;
  /** Labels that disagree with `probability >= threshold` as the graph computed it. */
  readonly labelMismatches: number;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    // NaN anywhere is a parity failure, never silently ignored.
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return worst;
}

/** Compares ONNX and in-memory probabilities on `rows` plus the model's edge rows. */
export async function checkParity(options: {
  model: Model;
  scorer: OnnxScorer;
  rows: readonly RawColumn[];
  threshold: number;
}): Promise<ParityReport> {
  const { model, scorer, rows, threshold } = options;
  const edges = edgeRows(model, rows);
  let worst = 0;
  let labelMismatches = 0;
  for (const raw of [rows, edges]) {
    const onnx = await scorer.score(raw);
    // The learner's own predictor: parity is between the trained model and its export.
    const columns = encodeRaw(model.features, raw);
    const rowCount = columns[0]?.length ?? 0;
    const ours = LEARNERS[model.kind].predict(model, {
      features: model.features,
      rowCount,
      columns,
      labels: new Uint8Array(rowCount),
    });
    worst = Math.max(worst, maxDiff(onnx.probability, ours));
    for (let i = 0; i < ours.length; i++) {
      const expected = Math.fround(ours[i] ?? 0) >= threshold ? 1n : 0n;
      // Rows within float rounding of the threshold may legitimately differ.
      const near = Math.abs((ours[i] ?? 0) - threshold) < 1e-6;
      if (!near && onnx.label[i] !== expected) labelMismatches++;
    }
  }
  return {
    rows: rows[0]?.length ?? 0,
    edgeRows: edges[0]?.length ?? 0,
    maxAbsDiff: worst,
    labelMismatches,
  };
}
