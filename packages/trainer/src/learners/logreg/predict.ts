import type { EncodedDataset, LogRegModel } from '../../model/types.js';
import { TrainerError } from '../../errors.js';

/**
 * Positive-class probabilities of a logistic-regression model, computed exactly as documented on
 * `LogRegModel` (float64 arithmetic). NaN numeric values take the imputation value; NaN or
 * out-of-range category codes take the missing weight.
 */
export function predictProba(
  model: LogRegModel,
  dataset: Pick<EncodedDataset, 'rowCount' | 'columns'>,
): Float64Array {
  const { rowCount, columns } = dataset;
  const z = new Float64Array(rowCount).fill(model.intercept);
  const column = (feature: number): Float32Array => {
    const values = columns[feature];
    if (values?.length !== rowCount) {
      throw new TrainerError(
        'DATA',
        `Feature "${model.features[feature]?.name ?? feature}" is missing or not ${rowCount} rows long; pass columns in the model's feature order.`,
      );
    }
    return values;
  };
  for (const term of model.numeric) {
    const values = column(term.feature);
    for (let i = 0; i < rowCount; i++) {
      const raw = values[i] ?? NaN;
      const x = Number.isNaN(raw) ? term.impute : raw;
      z[i] = (z[i] ?? 0) + (term.weight * (x - term.mean)) / term.scale;
    }
  }
  for (const term of model.categorical) {
    const values = column(term.feature);
    for (let i = 0; i < rowCount; i++) {
      const code = values[i] ?? NaN;
      const weight = Number.isInteger(code) ? term.weights[code] : undefined;
      z[i] = (z[i] ?? 0) + (weight ?? term.missingWeight);
    }
  }
  const probabilities = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) probabilities[i] = 1 / (1 + Math.exp(-(z[i] ?? 0)));
  return probabilities;
}
