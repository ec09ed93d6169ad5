/**
 * RFC 4180 CSV output for Tables: a streaming writer (one chunk at a time, with backpressure, so
 * 10 million synthetic rows are written in flat memory) and a one-shot `writeCsv`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import type { Column, Table } from './table.js';
import { TabularError } from './errors.js';

import { quoteCsvField } from './reading-rules/index.js';

function columnTexts(column: Column, rowCount: number): string[] {
  const out = new Array<string>(rowCount);
  if (column.kind === 'numeric') {
    const values = column.values;
    for (let r = 0; r < rowCount; r++) {
      const v = values[r] ?? NaN;
      out[r] = Number.isNaN(v) ? '' : String(v);
    }
    return out;
  }
  const quoted = column.dictionary.map(quoteCsvField);
  for (let r = 0; r < rowCount; r++) out[r] = quoted[column.codes[r] ?? -1] ?? '';
  return out;
}

/** Renders the table's rows as CSV lines (each ending in `\n`), without a header. */
export function tableToCsvRows(table: Table): string {
  const { rowCount } = table;
  if (rowCount === 0) return '';
  // Column-wise formatting then one join per row is ~2.5x faster than per-cell concatenation.
  const texts = table.columns.map((c) => columnTexts(c, rowCount));
  const cells = new Array<string>(texts.length);
  const lines = new Array<string>(rowCount);
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < texts.length; c++) cells[c] = (texts[c] as string[])[r] ?? '';
    lines[r] = cells.join(',');
  }
  return lines.join('\n') + '\n';
}

/** Writes Tables with the same columns to one CSV file, header first. */
export interface CsvWriter {
  /** Appends the table's rows; resolves when the stream can take more. */
  write(table: Table): Promise<void>;
  /**
   * Appends CSV lines formatted elsewhere (text, or its UTF-8 bytes; each line ending in `\n`,
   * with the header's columns); a table must have been written first, so the file has its header.
   */
  writeText(text: string | Uint8Array): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

class StreamingCsvWriter implements CsvWriter {
  private header: string[] | undefined;

  constructor(
    private readonly stream: WriteStream,
    private readonly path: string,
  ) {}

  async write(table: Table): Promise<void> {
    const names = table.columns.map((c) => c.name);
    let text = '';
    if (this.header === undefined) {
      this.header = names;
      text = names.map(quoteCsvField).join(',') + '\n';
    } else if (names.join('\u0000') !== this.header.join('\u0000')) {
      throw new TabularError({
        code: 'SCHEMA_MISMATCH',
        message: `cannot append to ${this.path}: columns (${names.join(', ')}) differ from the header (${this.header.join(', ')})`,
      });
    }
    text += tableToCsvRows(table);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async writeText(text: string | Uint8Array): Promise<void> {
    if (this.header === undefined) {
      throw new TabularError({
        code: 'BAD_OPTIONS',
        message: `cannot append lines to ${this.path} before its header: write a table first`,
      });
    }
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Opens `path` for writing (truncating it) and returns a streaming CSV writer. */
export async function createCsvWriter(path: string): Promise<CsvWriter> {
  const stream = createWriteStream(path);
  await once(stream, 'open');
  return new StreamingCsvWriter(stream, path);
}

/** Writes one table to `path` as CSV with a header row. */
export async function writeCsv(table: Table, path: string): Promise<void> {
  const writer = await createCsvWriter(path);
  await writer.write(table);
  await writer.close();
}
