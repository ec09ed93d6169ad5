/**
 * Reads a CSV or Parquet file (tabular's reading rules, streamed in chunks) into one side of the
 * comparison. Only the numeric cells are kept in memory (8 bytes each), categories as counts.
 */
import { readChunks } from '@champion/tabular';
import { DriftAccumulator } from './accumulator.js';
import type { DatasetData } from './column-data.js';
import { readPlainCsv } from './fast-csv.js';

export interface ReadDriftDataOptions {
  /** Called after each chunk with the rows read so far. */
  readonly onProgress?: (rows: number) => void;
  /** Rows per chunk. @default 65536 */
  readonly chunkRows?: number;
}

/** Reads a whole file into a {@link DatasetData}. */
export async function readDriftData(
  path: string,
  options: ReadDriftDataOptions = {},
): Promise<DatasetData> {
  const plain = await readPlainCsv(path, options.onProgress);
  if (plain !== undefined) return plain;
  const accumulator = new DriftAccumulator();
  for await (const chunk of readChunks(path, { chunkRows: options.chunkRows ?? 65536 })) {
    accumulator.addTable(chunk.table);
    options.onProgress?.(accumulator.rows);
  }
  return accumulator.finish();
}
