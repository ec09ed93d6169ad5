/** The workers' output lines must be byte-identical to the CSV writer's for the same table. */
import { tableToCsvRows, type Column, type Table } from '@champion/tabular';
import { formatRows, rowFormat } from './format-rows.js';

describe('formatRows', () => {
  it('writes what the CSV writer writes: numbers, NaN, quoting, labels and version', () => {
    const ids: Column = {
      name: 'id',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, 2, -1, 3]),
      dictionary: ['a', 'has,comma', 'has "quote"', 'line\nbreak'],
    };
    const amount: Column = {
      name: 'amount',
      kind: 'numeric',
      values: Float64Array.from([1, -0.5, NaN, 1e21, 123456789.125]),
    };
    const probability = Float32Array.from([0.1, 0.99, NaN, 0, 1 / 3]);
    const label = BigInt64Array.from([0n, 1n, 0n, 0n, 1n]);
    const labels = ['no, paid', 'default'] as const;
    const table: Table = {
      rowCount: 5,
      columns: [
        ids,
        amount,
        { name: 'probability', kind: 'numeric', values: Float64Array.from(probability) },
        {
          name: 'label',
          kind: 'categorical',
          codes: Int32Array.from(label, (l) => (l === 1n ? 1 : 0)),
          dictionary: [...labels],
        },
        { name: 'model_version', kind: 'categorical', codes: new Int32Array(5), dictionary: ['7'] },
      ],
    };
    const format = rowFormat({ kept: [ids, amount], labels, version: '7' });
    expect(formatRows(format, { probability, label }, 5)).toBe(tableToCsvRows(table));
    const bare = rowFormat({ kept: [], labels, version: '7' });
    expect(formatRows(bare, { probability, label }, 5)).toBe(
      tableToCsvRows({ rowCount: 5, columns: table.columns.slice(2) }),
    );
    expect(formatRows(bare, { probability, label }, 0)).toBe('');
  });
});
