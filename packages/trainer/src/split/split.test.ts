import type { EncodedDataset } from '../model/types.js';
import { stratifiedKFold } from './kfold.js';
import { stratifiedSplit } from './stratified.js';
import { takeRows } from './take-rows.js';

// 1000 rows, every 5th positive: 200 positives, 800 negatives.
const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
const positives = (rows: Uint32Array): number =>
  rows.reduce((n, i) => n + (labels[i] === 1 ? 1 : 0), 0);

describe('stratifiedSplit', () => {
  it('cuts 70/15/15 by default and keeps the positive rate in every part', () => {
    const split = stratifiedSplit({ labels });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([
      700, 150, 150,
    ]);
    expect([positives(split.train), positives(split.validation), positives(split.test)]).toEqual([
      140, 30, 30,
    ]);
  });

  it('uses every row exactly once, in ascending order within each part', () => {
    const split = stratifiedSplit({
      labels,
      fractions: { train: 0.5, validation: 0.2, test: 0.3 },
    });
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(split.test)).toEqual(Array.from(split.test).sort((a, b) => a - b));
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    expect(stratifiedSplit({ labels, seed: 3 })).toEqual(stratifiedSplit({ labels, seed: 3 }));
    expect(stratifiedSplit({ labels, seed: 3 }).test).not.toEqual(
      stratifiedSplit({ labels, seed: 4 }).test,
    );
  });

  it('allows an empty validation part', () => {
    const split = stratifiedSplit({ labels, fractions: { train: 0.8, validation: 0, test: 0.2 } });
    expect(split.validation.length).toBe(0);
    expect(split.test.length).toBe(200);
  });

  it('rejects fractions that do not sum to 1', () => {
    expect(() =>
      stratifiedSplit({ labels, fractions: { train: 0.7, validation: 0.2, test: 0.2 } }),
    ).toThrow(/sum to 1/);
  });
});

describe('stratifiedKFold', () => {
  it('puts every row in exactly one validation fold, each with a fifth of each class', () => {
    const folds = stratifiedKFold({ labels, folds: 5 });
    const seen = folds.flatMap((f) => Array.from(f.validation)).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const fold of folds) {
      expect(fold.validation.length).toBe(200);
      expect(positives(fold.validation)).toBe(40);
      expect(fold.train.length + fold.validation.length).toBe(1000);
    }
  });

  it('keeps fold sizes within one row when classes do not divide evenly', () => {
    const odd = Uint8Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const sizes = stratifiedKFold({ labels: odd, folds: 4 }).map((f) => f.validation.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('rejects fewer than two folds', () => {
    expect(() => stratifiedKFold({ labels, folds: 1 })).toThrow(/between 2 and the row count/);
  });
});

describe('takeRows', () => {
  const dataset: EncodedDataset = {
    features: [{ name: 'x', kind: 'numeric' }],
    rowCount: 4,
    columns: [Float32Array.from([10, NaN, 30, 40])],
    labels: Uint8Array.from([0, 1, 0, 1]),
    weights: Float32Array.from([1, 2, 3, 4]),
  };

  it('copies the chosen rows of every column, label and weight in the given order', () => {
    const taken = takeRows(dataset, Uint32Array.from([3, 1]));
    expect(taken.rowCount).toBe(2);
    expect(Array.from(taken.columns[0] ?? [])).toEqual([40, NaN]);
    expect(Array.from(taken.labels)).toEqual([1, 1]);
    expect(Array.from(taken.weights ?? [])).toEqual([4, 2]);
    expect(taken.features).toBe(dataset.features);
  });

  it('rejects indices outside the dataset', () => {
    expect(() => takeRows(dataset, [0, 4])).toThrow(/Row index 4/);
  });
});
