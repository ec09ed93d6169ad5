/**
 * The fast path for reading a plain CSV file into the drift accumulator: bytes in 4 MB blocks,
 * fields cut at commas, numbers parsed from the bytes with tabular's plain-decimal rule (the same
 * value as `Number(text)`), other fields through tabular's `parseNumber` and missing tokens. A
 * text value in a column of numbers makes the column text, as pandas reads it (object dtype).
 *
 * Used only where it cannot differ from tabular's reader: a file without any quote character
 * and every line with the header's field count. Otherwise it returns undefined and the caller
 * reads the file with `readChunks` (see read-data.ts).
 */
import { open } from 'node:fs/promises';
import {
  DEFAULT_MISSING_TOKENS,
  missingTest,
  parseNumber,
  plainDecimalFromBytes,
  withoutByteOrderMark,
} from '@champion/tabular';
import { DriftAccumulator, type ColumnSink } from './accumulator.js';
import type { DatasetData } from './column-data.js';

const BLOCK = 4 << 20;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const isMissing = missingTest(DEFAULT_MISSING_TOKENS);

/** Why the fast path gave up (the caller then uses the general reader). */
class NotPlain extends Error {}

interface CachedField {
  readonly bytes: Buffer;
  readonly text: string;
  readonly missing: boolean;
  /** tabular's parseNumber of the text (NaN for text). */
  readonly number: number;
  /** Occurrences as a category not yet given to the column (kept only for cached fields). */
  count: number;
  readonly cached: boolean;
}

/**
 * What a field's bytes mean, from a small per-column cache keyed by the bytes' hash: a category
 * column repeats a few values a million times, and decoding each one is most of the reading
 * time. Category counts are kept here and given to the column at the end ({@link flush}).
 */
class FieldCache {
  private readonly entries = new Map<number, CachedField[]>();
  private size = 0;

  field(bytes: Buffer, from: number, to: number): CachedField {
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
    const bucket = this.entries.get(hash);
    if (bucket !== undefined) {
      for (const entry of bucket) {
        const known = entry.bytes;
        if (known.length !== to - from) continue;
        let same = true;
        for (let i = 0; same && i < known.length; i++) same = known[i] === bytes[from + i];
        if (same) return entry;
      }
    }
    const text = bytes.toString('utf8', from, to);
    const missing = isMissing(text);
    const cached = this.size < 4096;
    const entry = {
      bytes: Buffer.from(bytes.subarray(from, to)),
      text,
      missing,
      number: missing ? NaN : parseNumber(text),
      count: 0,
      cached,
    };
    // Free text would grow the cache without end: past 4,096 values a column's new ones are not kept.
    if (cached) {
      this.size++;
      if (bucket === undefined) this.entries.set(hash, [entry]);
      else bucket.push(entry);
    }
    return entry;
  }

  flush(sink: ColumnSink): void {
    for (const bucket of this.entries.values()) {
      for (const entry of bucket) if (entry.count > 0) sink.addCategory(entry.text, entry.count);
    }
  }
}

/** Feeds the lines of one block of bytes to the columns. */
class BlockLines {
  bytes: Buffer = Buffer.alloc(0);

  constructor(
    private readonly sinks: readonly ColumnSink[],
    private readonly caches: readonly FieldCache[],
  ) {}

  addField(column: number, from: number, to: number): void {
    const sink = this.sinks[column];
    const cache = this.caches[column];
    if (sink === undefined || cache === undefined)
      throw new NotPlain('more fields than the header');
    if (from === to) {
      sink.addMissing();
      return;
    }
    if (sink.numeric) {
      const value = plainDecimalFromBytes(this.bytes, from, to);
      if (!Number.isNaN(value)) {
        sink.addNumber(value);
        return;
      }
    }
    const field = cache.field(this.bytes, from, to);
    if (field.missing) sink.addMissing();
    else if (!sink.numeric && field.cached) field.count++;
    else if (!Number.isNaN(field.number)) sink.addNumber(field.number);
    // The column's first text value: the column becomes text (its later ones are counted above).
    else sink.addCategory(field.text);
  }

  addLine(from: number, to: number): void {
    const { bytes } = this;
    let start = from;
    let column = 0;
    for (let i = from; i <= to; i++) {
      if (i < to && bytes[i] !== COMMA) continue;
      this.addField(column++, start, i);
      start = i + 1;
    }
    if (column !== this.sinks.length) throw new NotPlain('fewer fields than the header');
  }

  flush(): void {
    this.sinks.forEach((sink, i) => this.caches[i]?.flush(sink));
  }
}

/** Reads a quote-free CSV file; undefined when the file needs the general reader. */
export async function readPlainCsv(
  path: string,
  onProgress?: (rows: number) => void,
): Promise<DatasetData | undefined> {
  if (/\.(parquet|pq)$/i.test(path)) return undefined;
  const handle = await open(path, 'r');
  try {
    let accumulator: DriftAccumulator | undefined;
    let lines: BlockLines | undefined;
    let carry = Buffer.alloc(0);
    for (;;) {
      const block = Buffer.allocUnsafe(BLOCK);
      const { bytesRead } = await handle.read(block, 0, BLOCK, null);
      const bytes =
        carry.length === 0
          ? block.subarray(0, bytesRead)
          : Buffer.concat([carry, block.subarray(0, bytesRead)]);
      const last = bytesRead === 0 ? bytes.length : bytes.lastIndexOf(LF) + 1;
      if (bytes.subarray(0, last).includes(QUOTE)) return undefined;
      let from = 0;
      while (from < last) {
        let end = bytes.indexOf(LF, from);
        if (end === -1 || end >= last) end = last;
        const lineEnd = end > from && bytes[end - 1] === CR ? end - 1 : end;
        if (accumulator === undefined) {
          const names = withoutByteOrderMark(bytes.toString('utf8', from, lineEnd)).split(',');
          if (new Set(names).size !== names.length) return undefined;
          accumulator = new DriftAccumulator(names);
          const sinks = accumulator.sinks();
          lines = new BlockLines(
            sinks,
            sinks.map(() => new FieldCache()),
          );
        } else if (lineEnd > from && lines !== undefined) {
          lines.bytes = bytes;
          lines.addLine(from, lineEnd);
          accumulator.countRow();
        }
        from = end + 1;
      }
      carry = Buffer.from(bytes.subarray(last));
      if (accumulator !== undefined) onProgress?.(accumulator.rows);
      if (bytesRead === 0) break;
    }
    lines?.flush();
    return accumulator?.finish();
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  } finally {
    await handle.close();
  }
}
