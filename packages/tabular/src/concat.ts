import type { SetAsideRow, TableChunk } from './read-options.js';
import type { CategoricalColumn, Column, NumericColumn, Table } from './table.js';
import { TabularError } from './errors.js';

function concatNumeric(parts: readonly NumericColumn[], rowCount: number): NumericColumn {
  const values = new Float64Array(rowCount);
  let at = 0;
  for (const p of parts) {
    values.set(p.values, at);
    at += p.values.length;
  }
  return { name: (parts[0] as NumericColumn).name, kind: 'numeric', values };
}

function concatCategorical(
  parts: readonly CategoricalColumn[],
  rowCount: number,
): CategoricalColumn {
  const codes = new Int32Array(rowCount);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  let at = 0;
  for (const p of parts) {
    const remap = p.dictionary.map((value) => {
      let code = index.get(value);
      if (code === undefined) {
        code = dictionary.length;
        index.set(value, code);
        dictionary.push(value);
      }
      return code;
    });
    for (let i = 0; i < p.codes.length; i++) {
      const code = p.codes[i] ?? -1;
      codes[at + i] = code < 0 ? -1 : (remap[code] ?? -1);
    }
    at += p.codes.length;
  }
  return { name: (parts[0] as CategoricalColumn).name, kind: 'categorical', codes, dictionary };
}

/** Appends tables with the same columns (names and kinds); dictionaries are merged. */
export function concatTables(tables: readonly Table[]): Table {
  const first = tables[0];
  if (first === undefined) return { rowCount: 0, columns: [] };
  const rowCount = tables.reduce((sum, t) => sum + t.rowCount, 0);
  const columns: Column[] = first.columns.map((column, c) => {
    const parts = tables.map((t) => t.columns[c]);
    if (parts.some((p) => p === undefined || p.name !== column.name || p.kind !== column.kind)) {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `cannot concatenate tables: column ${c + 1} ('${column.name}') differs between tables`,
      });
    }
    return column.kind === 'numeric'
      ? concatNumeric(parts as NumericColumn[], rowCount)
      : concatCategorical(parts as CategoricalColumn[], rowCount);
  });
  return { rowCount, columns };
}

/** Concatenates chunks: tables, row numbers and set-aside rows. */
export function concatChunks(chunks: readonly TableChunk[]): TableChunk {
  const table = concatTables(chunks.map((c) => c.table));
  const rowNumbers = new Float64Array(table.rowCount);
  let at = 0;
  const setAside: SetAsideRow[] = [];
  for (const c of chunks) {
    rowNumbers.set(c.rowNumbers, at);
    at += c.rowNumbers.length;
    setAside.push(...c.setAside);
  }
  return { table, rowNumbers, setAside };
}
