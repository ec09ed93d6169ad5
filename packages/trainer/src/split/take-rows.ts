import type { EncodedDataset } from '../model/types.js';
import { TrainerError } from '../errors.js';

/** The rows `indices` (in that order) of `dataset`, as a new dataset sharing its feature specs. */
export function takeRows(dataset: EncodedDataset, indices: ArrayLike<number>): EncodedDataset {
  const n = indices.length;
  for (let i = 0; i < n; i++) {
    const row = indices[i] ?? -1;
    if (!Number.isInteger(row) || row < 0 || row >= dataset.rowCount) {
      throw new TrainerError(
        'DATA',
        `Row index ${row} (position ${i}) is outside the dataset's ${dataset.rowCount} rows.`,
      );
    }
  }
  const pick = <T extends Float32Array | Uint8Array>(source: T, target: T): T => {
    for (let i = 0; i < n; i++) target[i] = source[indices[i] ?? 0] ?? 0;
    return target;
  };
  const columns = dataset.columns.map((column) => pick(column, new Float32Array(n)));
  const labels = pick(dataset.labels, new Uint8Array(n));
  const base = { features: dataset.features, rowCount: n, columns, labels };
  return dataset.weights === undefined
    ? base
    : { ...base, weights: pick(dataset.weights, new Float32Array(n)) };
}
