/**
 * The in-memory predictor the ONNX graph must agree with, computed in double precision on the
 * encoded float32 columns (NaN = missing or unseen). Kept here so the exporter's parity tests do
 * not depend on the learners; the learners' own predictor should give identical numbers.
 */
import type { GbdtModel, LogRegModel, Model, TreeNode } from '../model/types.js';

/** The leaf value `row` reaches in `tree`. */
export function predictTree(tree: TreeNode, columns: readonly Float32Array[], row: number): number {
  let node = tree;
  while (node.kind !== 'leaf') {
    const x = columns[node.feature]?.[row] ?? Number.NaN;
    let left: boolean;
    if (Number.isNaN(x)) left = node.missingLeft;
    else if (node.kind === 'numeric') left = x <= node.threshold;
    else left = node.leftCategories.includes(x);
    node = left ? node.left : node.right;
  }
  return node.value;
}

/** The raw score (log-odds) of every row. */
export function predictRawModel(model: Model, columns: readonly Float32Array[]): Float64Array {
  const rowCount = columns[0]?.length ?? 0;
  const scores = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    scores[row] =
      model.kind === 'gbdt' ? gbdtRaw(model, { columns, row }) : logRegRaw(model, { columns, row });
  }
  return scores;
}

/** The positive-class probability of every row. */
export function predictProbaModel(model: Model, columns: readonly Float32Array[]): Float64Array {
  return predictRawModel(model, columns).map((z) => 1 / (1 + Math.exp(-z)));
}

function gbdtRaw(
  model: GbdtModel,
  { columns, row }: { columns: readonly Float32Array[]; row: number },
): number {
  let sum = model.baseScore;
  for (const tree of model.trees) sum += predictTree(tree, columns, row);
  return sum;
}

function logRegRaw(
  model: LogRegModel,
  { columns, row }: { columns: readonly Float32Array[]; row: number },
): number {
  let sum = model.intercept;
  for (const term of model.numeric) {
    const x = columns[term.feature]?.[row] ?? Number.NaN;
    const value = Number.isNaN(x) ? term.impute : x;
    sum += term.weight * ((value - term.mean) / term.scale);
  }
  for (const term of model.categorical) {
    const code = columns[term.feature]?.[row] ?? Number.NaN;
    sum += Number.isNaN(code) ? term.missingWeight : (term.weights[code] ?? term.missingWeight);
  }
  return sum;
}
