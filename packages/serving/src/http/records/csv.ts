import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { ServingHttpError, invalidRequest } from '../errors.js';
import { BatchBuilder } from './builder.js';
import type { CompiledFeatures } from './feature-compiler.js';
import { checkBatchRows, finishBatch, type ParsedBatch } from './parsed.js';

function parseCsv(text: string): string[][] {
  try {
    const options: Options = { skip_empty_lines: true, relax_column_count: false };
    return parse(text, options);
  } catch (err) {
    // csv-parse messages name the line and the problem, never our internals.
    const message = err instanceof Error ? err.message : 'unreadable CSV';
    throw new ServingHttpError({
      code: 'MALFORMED_BODY',
      message: `The CSV body could not be parsed: ${message}`,
      cause: err,
    });
  }
}

/**
 * For each CSV column, the feature it fills (-1 for other columns); throws naming every feature
 * the header lacks.
 */
export function csvColumnOrder(compiled: CompiledFeatures, header: readonly string[]): number[] {
  const order = header.map((name) => compiled.indexOf.get(name) ?? -1);
  const missing = compiled.names.filter((_, f) => !order.includes(f));
  if (missing.length > 0) {
    throw invalidRequest(
      'The CSV header lacks required columns; see details.',
      missing.map((name) => ({
        path: 'header',
        problem: `required column ${JSON.stringify(name)} is missing`,
      })),
    );
  }
  return order;
}

/**
 * Validates a CSV body (header row + rows, as pandas `to_csv` writes it) into a batch. Like
 * `mlflow models serve`: columns that are not features are ignored, and a first column with an
 * empty header (pandas' index) is skipped. Empty fields and NA/NaN/null tokens are missing.
 */
export function csvToBatch(options: {
  compiled: CompiledFeatures;
  text: string;
  maxRows: number;
}): ParsedBatch {
  const { compiled } = options;
  const [header, ...rows] = parseCsv(options.text);
  if (header === undefined)
    throw invalidRequest('The CSV body is empty; send a header row and at least one row.');
  checkBatchRows(rows.length, options.maxRows);
  const order = csvColumnOrder(compiled, header);
  // Row paths count data rows from 0, as in JSON bodies; line = row + 2.
  const builder = new BatchBuilder({
    compiled,
    rows: rows.length,
    pathOf: (row, field) => `[${row}].${field}`,
  });
  for (let row = 0; row < rows.length; row++) {
    const fields = rows[row] as string[];
    for (let c = 0; c < order.length; c++) {
      const f = order[c] as number;
      if (f >= 0) builder.setText(row, f, fields[c] ?? '');
    }
  }
  return finishBatch(builder);
}
