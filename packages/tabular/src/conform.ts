import { TabularError } from './errors.js';
import { cellText } from './column-values.js';
import type { CategoricalColumn, Column, Table, TableSchema } from './table.js';

function toCategorical(column: Column): CategoricalColumn {
  if (column.kind === 'categorical') return column;
  const index = new Map<string, number>();
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const text = cellText(column, i);
    let code = -1;
    if (text !== '') {
      code = index.get(text) ?? index.size;
      if (code === index.size) index.set(text, code);
    }
    codes[i] = code;
  }
  return { name: column.name, kind: 'categorical', codes, dictionary: [...index.keys()] };
}

/**
 * Returns the table's columns as the schema types them: integer-coded columns declared
 * categorical become categorical (text of the number, e.g. "2"). A missing feature column or a
 * text column the schema calls numeric is an error. Other columns are kept as they are.
 */
export function conformToSchema(table: Table, schema: TableSchema): Table {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const missing = schema.features.filter((f) => !byName.has(f.name)).map((f) => f.name);
  if (missing.length > 0) {
    throw new TabularError({
      code: 'SCHEMA_MISMATCH',
      message: `feature column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing; the table has: ${table.columns.map((c) => c.name).join(', ')}`,
    });
  }
  const types = new Map(schema.features.map((f) => [f.name, f.type]));
  const columns = table.columns.map((column) => {
    const type = types.get(column.name);
    if (type === 'categorical') return toCategorical(column);
    if (type === 'numeric' && column.kind === 'categorical') {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `column ${column.name} holds text (e.g. '${column.dictionary[0] ?? ''}') but the schema says it is numeric`,
      });
    }
    return column;
  });
  return { rowCount: table.rowCount, columns };
}

/** Column types a schema implies, for reading a file to score (`columnTypes` read option). */
export function schemaColumnTypes(schema: TableSchema): Record<string, 'numeric' | 'categorical'> {
  return Object.fromEntries(schema.features.map((f) => [f.name, f.type]));
}
