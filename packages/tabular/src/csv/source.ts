import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { TabularError } from '../errors.js';
import type { LineBatch, RecordBatch, RecordSource } from '../source.js';
import { CsvTokenizer } from './tokenizer.js';

/** Options for {@link openCsv}. */
export interface CsvSourceOptions {
  /** @default ',' */
  readonly delimiter?: string;
  /** Bytes read per step. @default 1 MiB */
  readonly readBytes?: number;
}

/** Streams the file as batches of records, one batch per read; the first record is the header. */
async function* csvRecords(path: string, options: CsvSourceOptions): AsyncGenerator<RecordBatch> {
  let fields: string[][] = [];
  let texts: string[] = [];
  const tokenizer = new CsvTokenizer({
    source: path,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    onRecord: (f, raw) => {
      fields.push(f);
      texts.push(raw);
    },
  });
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: options.readBytes ?? 1 << 20,
  });
  for await (const chunk of stream) {
    tokenizer.push(chunk as string);
    if (fields.length > 0) {
      yield { fields, texts };
      fields = [];
      texts = [];
    }
  }
  tokenizer.end();
  if (fields.length > 0) yield { fields, texts };
}

/** Like {@link csvRecords}, but records without quotes arrive as their unsplit line. */
async function* csvLines(path: string, options: CsvSourceOptions): AsyncGenerator<LineBatch> {
  const delimiter = options.delimiter ?? ',';
  let records: (string | string[])[] = [];
  let texts: string[] = [];
  const tokenizer = new CsvTokenizer({
    source: path,
    delimiter,
    onRecord: (f, raw) => {
      records.push(f);
      texts.push(raw);
    },
    onLine: (raw) => {
      records.push(raw);
      texts.push(raw);
    },
  });
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: options.readBytes ?? 1 << 20,
  });
  for await (const chunk of stream) {
    tokenizer.push(chunk as string);
    if (records.length > 0) {
      yield { records, texts, delimiter };
      records = [];
      texts = [];
    }
  }
  tokenizer.end();
  if (records.length > 0) yield { records, texts, delimiter };
}

async function checkFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new TabularError({ code: 'FILE_NOT_FOUND', message: `${path} is not a file` });
    if (info.size === 0)
      throw new TabularError({
        code: 'EMPTY_FILE',
        message: `${path} is empty: expected a header row and data rows`,
      });
  } catch (error) {
    if (error instanceof TabularError) throw error;
    throw new TabularError({
      code: 'FILE_NOT_FOUND',
      message: `cannot read ${path}: file not found`,
      cause: error,
    });
  }
}

/** Opens a CSV file: reads its header now, and its data records on each `batches()` call. */
export async function openCsv(path: string, options: CsvSourceOptions = {}): Promise<RecordSource> {
  await checkFile(path);
  let header: string[] | undefined;
  for await (const batch of csvRecords(path, options)) {
    header = batch.fields[0];
    break;
  }
  if (header === undefined) {
    throw new TabularError({
      code: 'EMPTY_FILE',
      message: `${path} has no header row: the file holds only blank lines`,
    });
  }
  return {
    name: path,
    header,
    async *batches() {
      let first = true;
      for await (const batch of csvRecords(path, options)) {
        if (first) {
          first = false;
          yield { fields: batch.fields.slice(1), texts: batch.texts.slice(1) };
        } else {
          yield batch;
        }
      }
    },
    async *lineBatches() {
      let first = true;
      for await (const batch of csvLines(path, options)) {
        if (first) {
          first = false;
          yield { ...batch, records: batch.records.slice(1), texts: batch.texts.slice(1) };
        } else {
          yield batch;
        }
      }
    },
    close: () => Promise.resolve(),
  };
}
