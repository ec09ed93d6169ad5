/**
 * One explainer per model version, built from a checked champion/explainer.json: turns a
 * FeatureBatch (the columns the engines score) into the values the explainer's splits and terms
 * use (float32 numbers; category codes, NaN for missing or unseen) and explains it row by row.
 */
import type { FeatureBatch } from '../types.js';
import type { ExplainerFile } from './explainer-file.js';
import { buildForest, forestExpectedValue, forestRawScore } from './forest.js';
import { buildLinear, linearShap } from './linear.js';
import { treeShap, treeShapScratch } from './tree-shap.js';

/** Explanations of a batch, in log-odds. */
export interface BatchExplanations {
  /** The expected raw score every row's contributions start from. */
  readonly baseValue: number;
  /** rows × features, row-major, features in the model's (ONNX input) order. */
  readonly contributions: Float64Array;
  /** Each row's raw score computed by the explainer: baseValue + Σ its contributions. */
  readonly rawScores: Float64Array;
}

export interface Explainer {
  readonly kind: 'trees' | 'linear';
  readonly featureNames: readonly string[];
  readonly baseValue: number;
  /** Explains rows `from` (inclusive) to `to` (exclusive) of `batch` into `out`. */
  explainRows(
    batch: FeatureBatch,
    range: { readonly from: number; readonly to: number },
    out: BatchExplanations,
  ): void;
}

/** Per feature: how a batch column becomes the explainer's value. */
function valueReaders(
  file: ExplainerFile,
): ((column: FeatureBatch['columns'][number], row: number) => number)[] {
  return file.features.map((feature) => {
    if (feature.type === 'numeric') {
      return (column, row) => {
        const v = column instanceof Float32Array ? column[row] : undefined;
        return v ?? NaN;
      };
    }
    const codes = new Map((feature.categories ?? []).map((c, i) => [c, i]));
    return (column, row) => {
      const v = column instanceof Float32Array ? undefined : column[row];
      return (v === undefined ? undefined : codes.get(v)) ?? NaN;
    };
  });
}

/** Builds the explainer of a file parseExplainerFile accepted. */
export function buildExplainer(file: ExplainerFile): Explainer {
  const readers = valueReaders(file);
  const featureCount = file.features.length;
  const x = new Float64Array(featureCount);
  const phi = new Float64Array(featureCount);
  const readRow = (batch: FeatureBatch, row: number): void => {
    for (let f = 0; f < featureCount; f++) {
      const column = batch.columns[f];
      x[f] = column === undefined ? NaN : (readers[f]?.(column, row) ?? NaN);
    }
  };
  const store = (out: BatchExplanations, row: number, raw: number): void => {
    out.contributions.set(phi, row * featureCount);
    out.rawScores[row] = raw;
  };
  const featureNames = file.features.map((f) => f.name);
  if (file.kind === 'linear') {
    const linear = buildLinear(file);
    return {
      kind: 'linear',
      featureNames,
      baseValue: linear.baseValue,
      explainRows(batch, range, out) {
        for (let row = range.from; row < range.to; row++) {
          readRow(batch, row);
          phi.fill(0);
          store(out, row, linearShap({ linear, x, phi }));
        }
      },
    };
  }
  const forest = buildForest(file);
  const scratch = treeShapScratch(forest);
  return {
    kind: 'trees',
    featureNames,
    baseValue: forestExpectedValue(forest),
    explainRows(batch, range, out) {
      for (let row = range.from; row < range.to; row++) {
        readRow(batch, row);
        phi.fill(0);
        treeShap({ forest, x, phi, scratch });
        store(out, row, forestRawScore(forest, x));
      }
    },
  };
}

/** Empty explanations for a batch of `rows` rows. */
export function emptyExplanations(explainer: Explainer, rows: number): BatchExplanations {
  return {
    baseValue: explainer.baseValue,
    contributions: new Float64Array(rows * explainer.featureNames.length),
    rawScores: new Float64Array(rows),
  };
}

/**
 * Explains a whole batch, giving the event loop a turn every `sliceMs` milliseconds of work so a
 * large request does not hold up the requests scored meanwhile (a row of a large ensemble can
 * take a millisecond).
 */
export async function explainBatch(
  explainer: Explainer,
  batch: FeatureBatch,
  options: {
    /** @default 2 */
    readonly sliceMs?: number;
  } = {},
): Promise<BatchExplanations> {
  const out = emptyExplanations(explainer, batch.rows);
  const sliceMs = options.sliceMs ?? 2;
  let sliceStart = performance.now();
  for (let row = 0; row < batch.rows; row++) {
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((done) => setImmediate(done));
      sliceStart = performance.now();
    }
    explainer.explainRows(batch, { from: row, to: row + 1 }, out);
  }
  return out;
}
