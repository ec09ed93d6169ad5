/** The data file as the simulation reads it: the model's feature types, rows that have a label. */
import { readTable, type Column, type Table } from '@champion/tabular';
import { SimulationError } from './errors.js';
import type { ServedModelInfo } from './service.js';

function columnOf(table: Table, name: string, data: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) {
    throw new SimulationError(
      'DATA',
      `${data} has no target column '${name}'; its columns are ${table.columns.map((c) => c.name).join(', ')}.`,
    );
  }
  return column;
}

/** Rows whose target is present (a row without its label cannot be fed back). */
function labelledRows(target: Column): Uint32Array {
  const keep: number[] = [];
  const n = target.kind === 'numeric' ? target.values.length : target.codes.length;
  for (let i = 0; i < n; i++) {
    const missing =
      target.kind === 'numeric'
        ? Number.isNaN(target.values[i] ?? NaN)
        : (target.codes[i] ?? -1) < 0;
    if (!missing) keep.push(i);
  }
  return Uint32Array.from(keep);
}

/** Reads `data` with the model's feature types; finds the target and the rows that have one. */
export async function readData(options: { data: string; target: string }, model: ServedModelInfo) {
  const columnTypes = Object.fromEntries(model.features.map((f) => [f.name, f.type]));
  const { table } = await readTable(options.data, { columnTypes });
  const target = columnOf(table, options.target, options.data);
  const eligible = labelledRows(target);
  if (eligible.length === 0)
    throw new SimulationError(
      'DATA',
      `${options.data} has no row with a value in '${options.target}'.`,
    );
  return { table, target, eligible };
}
