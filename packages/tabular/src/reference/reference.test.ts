import type { Table } from '../table.js';
import { buildReference, distinctWithCounts } from './reference.js';

const table: Table = {
  rowCount: 6,
  columns: [
    { name: 'age', kind: 'numeric', values: Float64Array.from([30, 25, 30, NaN, 41, 25]) },
    { name: 'n', kind: 'numeric', values: Float64Array.from([1, 2, 2, 3, 1, 1]) },
    {
      name: 'home',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, -1, 0, 0, 1]),
      dictionary: ['rent', 'own'],
    },
  ],
};

describe('the drift reference', () => {
  it('stores each column exactly: sorted distinct values with counts, category counts, missing', () => {
    const reference = buildReference(table);
    expect(reference.columns).toEqual([
      {
        name: 'age',
        kind: 'numeric',
        storage: 'float',
        rows: 6,
        missing: 1,
        values: [25, 30, 41],
        counts: [2, 2, 1],
        exact: true,
      },
      {
        name: 'n',
        kind: 'numeric',
        storage: 'int',
        rows: 6,
        missing: 0,
        values: [1, 2, 3],
        counts: [3, 2, 1],
        exact: true,
      },
      {
        name: 'home',
        kind: 'categorical',
        rows: 6,
        missing: 1,
        categories: { rent: 3, own: 2 },
        otherCount: 0,
        exact: true,
      },
    ]);
  });

  it('keeps only the given rows and columns, and the scores with their positive rate', () => {
    const reference = buildReference(table, {
      columns: ['home'],
      rows: [0, 1, 5],
      rowsFrom: 'test split',
      scores: { probabilities: [0.2, 0.7, 0.9], threshold: 0.5 },
    });
    expect(reference.rows).toBe(3);
    expect(reference.columns).toHaveLength(1);
    expect(reference.columns[0]).toMatchObject({ categories: { rent: 1, own: 2 } });
    expect(reference.scores).toMatchObject({
      values: [0.2, 0.7, 0.9],
      positiveRate: 2 / 3,
      threshold: 0.5,
    });
  });

  it('groups a column over the cap into equal-count groups that keep the row count', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i);
    const grouped = distinctWithCounts(sorted, 10);
    expect(grouped.exact).toBe(false);
    expect(grouped.values).toHaveLength(10);
    expect(grouped.counts.reduce((s, c) => s + c, 0)).toBe(1000);
  });

  it('names a missing column', () => {
    expect(() => buildReference(table, { columns: ['nope'] })).toThrow(/column nope/);
  });
});
