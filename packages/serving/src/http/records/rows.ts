import { invalidRequest } from '../errors.js';
import { BatchBuilder } from './builder.js';
import type { CompiledFeatures } from './feature-compiler.js';
import { finishBatch, type ParsedBatch } from './parsed.js';

export interface RowsInput {
  readonly compiled: CompiledFeatures;
  /** Column names in row order, or undefined for "the model's features, in order". */
  readonly columns: readonly unknown[] | undefined;
  readonly data: readonly unknown[];
  /** Where the column list and the rows sit, e.g. `dataframe_split.columns`, `dataframe_split.data`. */
  readonly columnsPath: string;
  readonly dataPath: string;
  /** Skip columns that are not features (MLflow's behaviour) instead of rejecting them. */
  readonly ignoreUnknown?: boolean;
}

/** Maps named columns to feature indexes; every column must be a feature and every feature present. */
function columnOrder(input: RowsInput): number[] {
  const { compiled, columns } = input;
  if (columns === undefined) return compiled.names.map((_, i) => i);
  const order: number[] = [];
  const problems: { path: string; problem: string }[] = [];
  const seen = new Set<number>();
  columns.forEach((name, i) => {
    const f = typeof name === 'string' ? compiled.indexOf.get(name) : undefined;
    if (f === undefined && input.ignoreUnknown === true) {
      // -1: read past this column.
    } else if (f === undefined) {
      problems.push({
        path: `${input.columnsPath}[${i}]`,
        problem: `unknown column ${JSON.stringify(name)}; the model's features are ${compiled.names.join(', ')}`,
      });
    } else if (seen.has(f)) {
      problems.push({
        path: `${input.columnsPath}[${i}]`,
        problem: `column ${JSON.stringify(name)} appears twice`,
      });
    } else seen.add(f);
    order.push(f ?? -1);
  });
  compiled.names.forEach((name, f) => {
    if (!seen.has(f))
      problems.push({
        path: input.columnsPath,
        problem: `required column ${JSON.stringify(name)} is missing`,
      });
  });
  if (problems.length > 0)
    throw invalidRequest("The columns do not match the model's features; see details.", problems);
  return order;
}

/** Validates rows given as arrays (pandas `split` orient, or TF-serving lists) into a batch. */
export function rowsToBatch(input: RowsInput): ParsedBatch {
  const order = columnOrder(input);
  const { data, dataPath } = input;
  const names = input.compiled.names;
  const builder = new BatchBuilder({
    compiled: input.compiled,
    rows: data.length,
    pathOf: (row, field) => `${dataPath}[${row}].${field}`,
  });
  for (let row = 0; row < data.length; row++) {
    const values = data[row];
    if (!Array.isArray(values) || values.length !== order.length) {
      builder.problemAt(
        `${dataPath}[${row}]`,
        `expected an array of ${order.length} values (${names.join(', ')})`,
      );
      continue;
    }
    for (let c = 0; c < order.length; c++) {
      const f = order[c] as number;
      if (f >= 0) builder.setJson(row, f, values[c]);
    }
  }
  return finishBatch(builder);
}
