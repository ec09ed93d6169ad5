/** Turns a chunk read with the model's column types into the FeatureBatch the ONNX graph takes. */
import type { Column, Table } from '@champion/tabular';
import type { FeatureBatch, ServedFeature } from '@champion/runtime';

function numericColumn(column: Column): Float32Array {
  if (column.kind === 'numeric') return Float32Array.from(column.values);
  // Only reachable for an all-missing column read as text; the graph treats NaN as missing.
  return new Float32Array(column.codes.length).fill(NaN);
}

function categoricalColumn(column: Column, rows: number): string[] {
  const out = new Array<string>(rows);
  if (column.kind === 'categorical') {
    const { codes, dictionary } = column;
    for (let r = 0; r < rows; r++) out[r] = dictionary[codes[r] ?? -1] ?? '';
    return out;
  }
  for (let r = 0; r < rows; r++) {
    const v = column.values[r] ?? NaN;
    out[r] = Number.isNaN(v) ? '' : String(v);
  }
  return out;
}

/** The table's feature columns, in the model's input order, typed as the graph expects. */
export function toFeatureBatch(table: Table, features: readonly ServedFeature[]): FeatureBatch {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const columns = features.map((feature) => {
    const column = byName.get(feature.name);
    if (column === undefined)
      throw new Error(`feature column '${feature.name}' is not in the chunk`);
    return feature.type === 'numeric'
      ? numericColumn(column)
      : categoricalColumn(column, table.rowCount);
  });
  return { rows: table.rowCount, columns };
}
