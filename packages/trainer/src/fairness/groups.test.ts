import type { Table } from '@champion/tabular';
import { groupRows, sensitiveColumns } from './groups.js';

const table: Table = {
  rowCount: 4,
  columns: [
    { name: 'SEX', kind: 'numeric', values: Float64Array.from([2, 1, NaN, 10]) },
    {
      name: 'REGION',
      kind: 'categorical',
      codes: Int32Array.from([0, -1, 1, 0]),
      dictionary: ['north', 'south'],
    },
  ],
};

describe('sensitiveColumns', () => {
  it('keys each row by its value as text, and a missing value as (missing)', () => {
    expect(sensitiveColumns({ table, names: ['SEX', 'REGION'] })).toEqual([
      { name: 'SEX', keys: ['2', '1', '(missing)', '10'] },
      { name: 'REGION', keys: ['north', '(missing)', 'south', 'north'] },
    ]);
  });

  it('keys only the rows asked for', () => {
    expect(sensitiveColumns({ table, names: ['SEX'], rows: [3, 0] })[0]?.keys).toEqual(['10', '2']);
  });

  it('names an unknown column, the file and the columns there are', () => {
    expect(() => sensitiveColumns({ table, names: ['GENDER'], source: 'loans.csv' })).toThrow(
      "loans.csv: sensitive column 'GENDER' not found; its columns are: SEX, REGION",
    );
  });
});

describe('groupRows', () => {
  it('lists the rows of each group, numbers in natural order', () => {
    const groups = groupRows(['2', '10', '1', '2']);
    expect([...groups.keys()]).toEqual(['1', '2', '10']);
    expect([...(groups.get('2') ?? [])]).toEqual([0, 3]);
  });
});
