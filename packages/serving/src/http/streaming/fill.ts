/**
 * Puts one streamed input row into a chunk: a CSV record (after the header said which column is
 * which feature) or an NDJSON line (one record object, validated as /predict validates records).
 * A row that cannot be read at all is marked bad in place; nothing is dropped.
 */
import type { CompiledFeatures } from '../records/feature-compiler.js';
import { csvColumnOrder } from '../records/csv.js';
import { isPlainObject } from '../records/parsed.js';
import type { RecordChunkBuilder } from './record-chunk-builder.js';

/** Fills chunk row `row` from one input item. */
export type FillRow<T> = (builder: RecordChunkBuilder, row: number, item: T) => void;

/**
 * Maps a CSV header to features. Like `mlflow models serve`: columns that are not features are
 * ignored (so is pandas' unnamed index column); the id column (`id`) is echoed back.
 */
export function csvFiller(
  compiled: CompiledFeatures,
  header: readonly string[],
): FillRow<string[]> {
  const order = csvColumnOrder(compiled, header);
  const idColumn = compiled.idField === undefined ? -1 : header.indexOf(compiled.idField);
  return (builder, row, fields) => {
    if (fields.length !== header.length) {
      builder.rowProblem(row, {
        path: `[${builder.firstRow + row}]`,
        problem: `expected ${header.length} fields as in the header, got ${fields.length}`,
      });
      return;
    }
    for (let c = 0; c < order.length; c++) {
      const f = order[c] as number;
      if (f >= 0) builder.setText(row, f, fields[c] ?? '');
      else if (c === idColumn && fields[c] !== '') builder.setId(row, fields[c]);
    }
  };
}

/** One JSON record per line, with the rules of /predict (all features, an optional id). */
export function ndjsonFiller(compiled: CompiledFeatures): FillRow<string> {
  const { names, idField } = compiled;
  return (builder, row, line) => {
    const at = `[${builder.firstRow + row}]`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      builder.rowProblem(row, { path: at, problem: 'not valid JSON; send one record per line' });
      return;
    }
    if (!isPlainObject(record)) {
      builder.rowProblem(row, { path: at, problem: 'expected an object of feature values' });
      return;
    }
    let known = 0;
    for (let f = 0; f < names.length; f++) {
      const name = names[f] as string;
      if (Object.hasOwn(record, name)) {
        known++;
        builder.setJson(row, f, record[name]);
      } else builder.absent(row, f);
    }
    if (idField !== undefined && Object.hasOwn(record, idField)) {
      known++;
      builder.setId(row, record[idField]);
    }
    if (known !== Object.keys(record).length) {
      for (const key of Object.keys(record)) {
        if (!compiled.indexOf.has(key) && key !== idField)
          builder.problem(row, key, `unknown field; the model's features are ${names.join(', ')}`);
      }
    }
  };
}
