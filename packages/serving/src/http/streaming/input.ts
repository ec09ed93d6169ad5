/**
 * The body of POST /predict/batch read as it arrives: bytes counted against the configured
 * limit, then split into CSV records (csv-parse's streaming parser) or NDJSON lines
 * (line-reader.ts). Nothing holds more than one network chunk plus one partial line/record, and
 * a record is at most CHAMPION_MAX_LINE_BYTES long.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ServingHttpError } from '../errors.js';
import { lineTooLong } from './line-reader.js';

/** 413 naming the limit and the variable that sets it. */
export function batchBodyTooLarge(limit: number): ServingHttpError {
  return new ServingHttpError({
    code: 'BODY_TOO_LARGE',
    message: `The batch body is larger than this server accepts (${limit} bytes, CHAMPION_MAX_BATCH_BODY_BYTES); split the file.`,
  });
}

/** The body's chunks, failing with 413 as soon as more than `limit` bytes have arrived. */
export async function* limitedBody(body: Readable, limit: number): AsyncGenerator<Buffer> {
  let total = 0;
  // Not destroyed when the reader stops early: an early answer reads and drops the rest.
  const chunks = body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) throw batchBodyTooLarge(limit);
    yield buffer;
  }
}

/** csv-parse's error for a record over `max_record_size`, as the same 413 NDJSON lines get. */
function csvError(err: unknown, maxLineBytes: number): ServingHttpError {
  const { code, lines } = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    lines?: unknown;
  };
  if (code === 'CSV_MAX_RECORD_SIZE')
    return lineTooLong({ line: typeof lines === 'number' ? lines : 0, limit: maxLineBytes });
  // csv-parse messages name the line and the problem, never our internals.
  return new ServingHttpError({
    code: 'MALFORMED_BODY',
    message: `The CSV body could not be parsed: ${err instanceof Error ? err.message : 'unreadable CSV'}`,
    cause: err,
  });
}

/** CSV records (arrays of fields); a row of the wrong length is the caller's to report. */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
  options: { maxLineBytes: number },
): AsyncGenerator<string[]> {
  const parser = parse({
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    // Counted in characters, not bytes: close enough for a guard against unbounded records.
    max_record_size: options.maxLineBytes,
  });
  const feed = (async () => {
    try {
      for await (const chunk of chunks) {
        if (parser.destroyed) return;
        if (!parser.write(chunk)) await waitForDrain(parser);
      }
      if (!parser.destroyed) parser.end();
    } catch (err) {
      parser.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } catch (err) {
    if (err instanceof ServingHttpError) throw err;
    throw csvError(err, options.maxLineBytes);
  } finally {
    // The consumer may stop early (an error, a closed response): stop reading the body too.
    if (!parser.destroyed) parser.destroy();
    await feed;
  }
}

function waitForDrain(stream: NodeJS.EventEmitter & { destroyed: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
