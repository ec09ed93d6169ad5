/**
 * Reads a segment's lines with byte offsets (a checkpoint is a byte offset), from a given
 * offset, in large chunks, yielding the lines of each chunk together. A last line without its newline is yielded as `complete: false`: it
 * is either being written right now or was torn by a crash; the caller decides which.
 */
import { createReadStream } from 'node:fs';

export interface SegmentLine {
  readonly text: string;
  /** Byte offset of the line's first byte. */
  readonly start: number;
  /** Byte offset just past its newline. */
  readonly end: number;
  /** 1-based line number counted from `from` (the whole file when `from` is 0). */
  readonly number: number;
  readonly complete: boolean;
}

const NEWLINE = 0x0a;

export async function* segmentLines(path: string, from = 0): AsyncGenerator<SegmentLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let start = from;
  let number = 0;
  const stream = createReadStream(path, { start: from, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines: SegmentLine[] = [];
    let at = 0;
    for (let nl = chunk.indexOf(NEWLINE, at); nl >= 0; nl = chunk.indexOf(NEWLINE, at)) {
      const piece = chunk.subarray(at, nl);
      const bytes = pendingBytes + piece.length;
      const text = (pendingBytes === 0 ? piece : Buffer.concat([...pending, piece])).toString(
        'utf8',
      );
      pending = [];
      pendingBytes = 0;
      number++;
      lines.push({ text, start, end: start + bytes + 1, number, complete: true });
      start += bytes + 1;
      at = nl + 1;
    }
    if (at < chunk.length) {
      pending.push(chunk.subarray(at));
      pendingBytes += chunk.length - at;
    }
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0) {
    const text = Buffer.concat(pending).toString('utf8');
    yield [{ text, start, end: start + pendingBytes, number: number + 1, complete: false }];
  }
}
