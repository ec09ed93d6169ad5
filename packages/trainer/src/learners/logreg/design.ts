/**
 * Turns an `EncodedDataset` into the matrix the solver works on, built once per fit: a dense,
 * row-major block of imputed and standardised numeric values, and for every categorical feature
 * the parameter index of the one-hot column each row switches on. No per-row objects, so a fit
 * over hundreds of thousands of rows stays cheap in memory and time.
 *
 * Parameter layout: `[intercept, numeric weights..., one-hot weights...]`; each categorical
 * feature owns one slot per training category plus, when training had missing values, one slot
 * for "missing".
 */
import type { EncodedDataset, FeatureSpec } from '../../model/types.js';
import { TrainerError } from '../../errors.js';

export interface NumericEncoding {
  readonly feature: number;
  readonly mean: number;
  readonly scale: number;
}

export interface CategoricalEncoding {
  readonly feature: number;
  /** Parameter index of category code 0; code `c` lives at `offset + c`. */
  readonly offset: number;
  readonly categoryCount: number;
  /** Parameter index of the missing indicator, or -1 when training had no missing value. */
  readonly missingIndex: number;
}

export interface DesignMatrix {
  readonly rowCount: number;
  readonly parameterCount: number;
  readonly numeric: readonly NumericEncoding[];
  readonly categorical: readonly CategoricalEncoding[];
  /** `rowCount * numeric.length`, row-major, standardised. */
  readonly dense: Float64Array;
  /** `rowCount * categorical.length`, row-major: the active one-hot parameter index per feature. */
  readonly active: Int32Array;
}

/**
 * Mean and population std of the imputed column. Row weights count as frequencies (a weight of 2
 * is the row twice); without weights this is scikit-learn's SimpleImputer(mean) + StandardScaler.
 */
function numericEncoding(
  column: Float32Array,
  feature: number,
  weights: Float32Array | undefined,
): NumericEncoding {
  let sum = 0;
  let present = 0;
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] ?? 0);
    total += w;
    const x = column[i] ?? NaN;
    if (Number.isNaN(x) || w === 0) continue;
    sum += w * x;
    present += w;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = present === 0 ? 0 : sum / present;
  if (present === 0 || min === max) return { feature, mean, scale: 1 };
  // Imputed rows sit exactly at the mean: they add no deviation but do count in the total.
  let squares = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i] ?? NaN;
    const w = weights === undefined ? 1 : (weights[i] ?? 0);
    if (!Number.isNaN(x)) squares += w * (x - mean) * (x - mean);
  }
  const std = Math.sqrt(squares / total);
  return { feature, mean, scale: std > 0 ? std : 1 };
}

function checkShape(dataset: EncodedDataset): void {
  const { rowCount, features, columns } = dataset;
  if (rowCount <= 0) {
    throw new TrainerError(
      'DATA',
      'Cannot fit a logistic regression on an empty dataset: give it at least one row of each class.',
    );
  }
  if (columns.length !== features.length) {
    throw new TrainerError(
      'DATA',
      `The dataset has ${columns.length} columns but ${features.length} feature specs; they must match one to one.`,
    );
  }
  columns.forEach((column, j) => {
    if (column.length !== rowCount) {
      throw new TrainerError(
        'DATA',
        `Column "${features[j]?.name ?? j}" has ${column.length} values but the dataset has ${rowCount} rows.`,
      );
    }
  });
  if (dataset.labels.length !== rowCount) {
    throw new TrainerError(
      'DATA',
      `The dataset has ${dataset.labels.length} labels for ${rowCount} rows.`,
    );
  }
}

function checkNumeric(column: Float32Array, spec: FeatureSpec): void {
  for (let i = 0; i < column.length; i++) {
    const x = column[i] ?? NaN;
    if (x === Infinity || x === -Infinity) {
      throw new TrainerError(
        'DATA',
        `Numeric feature "${spec.name}" is infinite at row ${i}; replace it with a finite value or leave it missing (NaN).`,
      );
    }
  }
}

function checkCodes(
  column: Float32Array,
  spec: FeatureSpec,
): { count: number; hasMissing: boolean } {
  const count = spec.categories?.length ?? 0;
  let hasMissing = false;
  for (let i = 0; i < column.length; i++) {
    const code = column[i] ?? NaN;
    if (Number.isNaN(code)) {
      hasMissing = true;
    } else if (!Number.isInteger(code) || code < 0 || code >= count) {
      throw new TrainerError(
        'DATA',
        `Categorical feature "${spec.name}" has code ${code} at row ${i}, outside its ${count} categories; encode unseen values as NaN.`,
      );
    }
  }
  return { count, hasMissing };
}

/** Computes the encodings (means, scales, one-hot layout) and fills the design matrix. */
export function buildDesign(dataset: EncodedDataset): DesignMatrix {
  checkShape(dataset);
  const { rowCount, features, columns } = dataset;
  const numeric: NumericEncoding[] = [];
  const categorical: CategoricalEncoding[] = [];
  const categoricalLayouts: { feature: number; count: number; hasMissing: boolean }[] = [];
  features.forEach((spec, j) => {
    const column = columns[j] ?? new Float32Array(0);
    if (spec.kind === 'numeric') {
      checkNumeric(column, spec);
      numeric.push(numericEncoding(column, j, dataset.weights));
    } else {
      categoricalLayouts.push({ feature: j, ...checkCodes(column, spec) });
    }
  });
  let next = 1 + numeric.length;
  for (const layout of categoricalLayouts) {
    const offset = next;
    next += layout.count;
    const missingIndex = layout.hasMissing ? next++ : -1;
    categorical.push({
      feature: layout.feature,
      offset,
      categoryCount: layout.count,
      missingIndex,
    });
  }

  const p = numeric.length;
  const dense = new Float64Array(rowCount * p);
  numeric.forEach((enc, k) => {
    const column = columns[enc.feature] ?? new Float32Array(0);
    for (let i = 0; i < rowCount; i++) {
      const x = column[i] ?? NaN;
      dense[i * p + k] = Number.isNaN(x) ? 0 : (x - enc.mean) / enc.scale;
    }
  });
  const q = categorical.length;
  const active = new Int32Array(rowCount * q);
  categorical.forEach((enc, k) => {
    const column = columns[enc.feature] ?? new Float32Array(0);
    for (let i = 0; i < rowCount; i++) {
      const code = column[i] ?? NaN;
      active[i * q + k] = Number.isNaN(code) ? enc.missingIndex : enc.offset + code;
    }
  });
  return { rowCount, parameterCount: next, numeric, categorical, dense, active };
}
