import { invalidRequest } from '../errors.js';
import { BatchBuilder } from './builder.js';
import type { CompiledFeatures } from './feature-compiler.js';
import { finishBatch, type ParsedBatch } from './parsed.js';

/** Counts the rows of `{feature: [values...]}`, or throws naming the columns that disagree. */
export function columnarRows(options: {
  compiled: CompiledFeatures;
  columns: Readonly<Record<string, unknown>>;
  path: string;
  ignoreUnknown?: boolean;
}): number {
  const { compiled, columns, path } = options;
  const problems: { path: string; problem: string }[] = [];
  let rows: number | undefined;
  for (const key of options.ignoreUnknown === true ? [] : Object.keys(columns)) {
    if (!compiled.indexOf.has(key))
      problems.push({
        path: `${path}.${key}`,
        problem: `unknown column; the model's features are ${compiled.names.join(', ')}`,
      });
  }
  for (const name of compiled.names) {
    const values = columns[name];
    if (!Object.hasOwn(columns, name))
      problems.push({ path: `${path}.${name}`, problem: 'required column is missing' });
    else if (!Array.isArray(values))
      problems.push({ path: `${path}.${name}`, problem: 'expected an array of values' });
    else if (rows === undefined) rows = values.length;
    else if (values.length !== rows)
      problems.push({
        path: `${path}.${name}`,
        problem: `has ${values.length} values; other columns have ${rows}`,
      });
  }
  if (problems.length > 0)
    throw invalidRequest("The columns do not match the model's features; see details.", problems);
  return rows ?? 0;
}

/** Validates `{feature: [values...]}` (TF-serving columnar `inputs`) into a batch. */
export function columnarToBatch(options: {
  compiled: CompiledFeatures;
  columns: Readonly<Record<string, unknown>>;
  path: string;
  rows: number;
}): ParsedBatch {
  const { compiled, columns, path, rows } = options;
  const builder = new BatchBuilder({
    compiled,
    rows,
    pathOf: (row, field) => `${path}.${field}[${row}]`,
  });
  compiled.names.forEach((name, f) => {
    const values = columns[name] as readonly unknown[];
    for (let row = 0; row < rows; row++) builder.setJson(row, f, values[row]);
  });
  return finishBatch(builder);
}
