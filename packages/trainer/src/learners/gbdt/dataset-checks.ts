/** Shape checks on the datasets a caller hands to the learner, with errors that say what to fix. */
import type { EncodedDataset } from '../../model/types.js';
import { GbdtError } from './errors.js';

function invalid(message: string): GbdtError {
  return new GbdtError({ code: 'invalid_dataset', message });
}

/** Throws unless every column, the labels and the weights are `rowCount` long and labels are 0/1. */
export function checkDataset(data: EncodedDataset, role: 'training' | 'validation'): void {
  if (data.columns.length !== data.features.length) {
    throw invalid(
      `The ${role} set has ${data.columns.length} columns for ${data.features.length} features.`,
    );
  }
  data.columns.forEach((column, f) => {
    if (column.length !== data.rowCount) {
      const name = data.features[f]?.name ?? String(f);
      throw invalid(
        `Column "${name}" of the ${role} set has ${column.length} values, expected ${data.rowCount}.`,
      );
    }
  });
  if (data.labels.length !== data.rowCount) {
    throw invalid(`The ${role} set has ${data.labels.length} labels for ${data.rowCount} rows.`);
  }
  if (data.weights !== undefined && data.weights.length !== data.rowCount) {
    throw invalid(`The ${role} set has ${data.weights.length} weights for ${data.rowCount} rows.`);
  }
  const bad = data.labels.findIndex((y) => y > 1);
  if (bad >= 0)
    throw invalid(
      `Row ${bad} of the ${role} set has label ${data.labels[bad]}; labels must be 0 or 1.`,
    );
  if (data.weights?.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw invalid(
      `The ${role} set has a negative, infinite or NaN weight; weights must be finite and >= 0.`,
    );
  }
}

/** Throws unless the validation set has the training set's features, in the same order. */
export function checkSameFeatures(train: EncodedDataset, valid: EncodedDataset): void {
  const same =
    train.features.length === valid.features.length &&
    train.features.every(
      (f, i) => f.name === valid.features[i]?.name && f.kind === valid.features[i]?.kind,
    );
  if (!same) {
    throw invalid(
      'The validation set must have the same features (names, kinds, order) as the training set.',
    );
  }
}

/** Throws unless both classes have positive weight. */
export function checkBothClasses(labels: Uint8Array, weights: Float64Array): void {
  let pos = 0;
  let neg = 0;
  labels.forEach((y, i) => {
    if (y === 1) pos += weights[i] as number;
    else neg += weights[i] as number;
  });
  if (pos <= 0 || neg <= 0) {
    throw new GbdtError({
      code: 'single_class',
      message:
        'The training set has only one class (with positive weight); a binary classifier needs both.',
    });
  }
}
