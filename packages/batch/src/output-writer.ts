/**
 * Where scored rows go: CSV (tabular's streaming writer) or Parquet, chosen by the output file's
 * extension. Both append chunk by chunk and wait for the disk (backpressure).
 */
import { createCsvWriter, type Table } from '@champion/tabular';
import { BatchError } from './errors.js';
import { createParquetWriter } from './parquet-writer.js';

/** Appends tables with the same columns to one file. */
export interface TableWriter {
  write(table: Table): Promise<void>;
  /** Appends CSV lines formatted elsewhere (CSV output only, after the header). */
  writeText(text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** The output format an output path implies. */
export function outputFormat(path: string): 'csv' | 'parquet' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(parquet|pq)$/i.test(path)) return 'parquet';
  throw new BatchError(
    'BAD_OPTIONS',
    `--output ${path}: the extension must be .csv or .parquet (it chooses the format)`,
  );
}

/** Opens a writer for `path` in the format its extension names. */
export async function openTableWriter(path: string): Promise<TableWriter> {
  return outputFormat(path) === 'csv' ? createCsvWriter(path) : createParquetWriter(path);
}
