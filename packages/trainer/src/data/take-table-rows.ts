import type { Column, Table } from '@champion/tabular';

/** The sub-table of `rows`, in that order (dictionaries shared, values copied). */
export function takeTableRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns = table.columns.map((column): Column => {
    if (column.kind === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = column.values[rows[i] ?? 0] ?? Number.NaN;
      return { name: column.name, kind: 'numeric', values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = column.codes[rows[i] ?? 0] ?? -1;
    return { name: column.name, kind: 'categorical', codes, dictionary: column.dictionary };
  });
  return { rowCount: n, columns };
}
