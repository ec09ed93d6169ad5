/**
 * The body of POST /predict/batch read as it arrives: bytes counted against the configured
 * limit, then split into CSV records (csv-parse's streaming parser) or NDJSON lines. Nothing
 * holds more than one network chunk plus one partial line/record.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { ServingHttpError } from '../errors.js';

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
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) throw batchBodyTooLarge(limit);
    yield buffer;
  }
}

/** CSV records (arrays of fields); a row of the wrong length is the caller's to report. */
export async function* csvRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  const parser = parse({ skip_empty_lines: true, relax_column_count: true, bom: true });
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
    // csv-parse messages name the line and the problem, never our internals.
    throw new ServingHttpError({
      code: 'MALFORMED_BODY',
      message: `The CSV body could not be parsed: ${err instanceof Error ? err.message : 'unreadable CSV'}`,
      cause: err,
    });
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

/** Non-blank lines of UTF-8 text (the final line may lack its newline). */
export async function* textLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    let start = 0;
    let end = pending.indexOf('\n', start);
    while (end >= 0) {
      const line = pending.slice(start, end).trim();
      if (line !== '') yield line;
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  const last = (pending + decoder.end()).trim();
  if (last !== '') yield last;
}
