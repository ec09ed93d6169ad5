/**
 * The fast path for a quote-free CSV file scored by a compiled program: the main thread only
 * reads bytes and cuts them into blocks of whole lines, moved (not copied) to the workers; the
 * workers parse, score and format them as bytes (block-reader.ts), two blocks each at a time,
 * and the main thread writes their lines in order.
 * Lines a worker leaves "slow" (an unusual number, a wrong field count) are read here with
 * tabular's reader exactly as the chunked path reads them: scored, or rejected with the reason.
 *
 * Used only when the answer cannot differ from the chunked path: a CSV file without any quote
 * character (so every line end ends a record), a header of unique names, whole-file scoring (row
 * shards need the chunked path's record numbering), and tabular's default missing tokens. The
 * quote check (a pass over the file) runs while the first blocks are scored; nothing is written
 * before it passes, so a quoted file loses only that work and goes to the chunked path.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DEFAULT_MISSING_TOKENS,
  quoteCsvField,
  readSourceChunks,
  type RecordSource,
} from '@champion/tabular';
import type { ServedModel } from '@champion/runtime';
import type { BlockLayout, BlockResult } from './block-reader.js';
import { toFeatureBatch } from './feature-batch.js';
import { formatLines, rowFormat } from './format-rows.js';
import type { TableWriter } from './output-writer.js';
import { readColumnTypes } from './plan.js';
import { rejectReason, type RejectWriter } from './reject-writer.js';

/** Bytes per block: ~15k lines of a 30-column file; two per worker are in flight. */
const BLOCK_BYTES = 2 << 20;

/** Scores a block in a worker. */
export type BlockScorer = (bytes: Uint8Array, layout: BlockLayout) => Promise<BlockResult>;

/** Scores parsed rows on this thread (the slow lines). */
export type RowScorer = (
  columns: readonly unknown[],
  rows: number,
) => { probability: Float32Array; label: BigInt64Array };

/** Whether `file` is read as Parquet (openSource's rule: by its extension). */
export function isParquet(file: string): boolean {
  return /\.(parquet|pq)$/i.test(file);
}

/**
 * Whether `file` can take the fast path: CSV whose data lines hold no quote character (the
 * header may be quoted, as long as no name holds a line break: the header ends at the first LF).
 */
export async function quoteFree(file: string, header: readonly string[]): Promise<boolean> {
  if (isParquet(file)) return false;
  if (header.some((name) => /[\r\n]/.test(name))) return false;
  // One buffer, reused: this pass runs while the first blocks are scored, on the same cores
  // (measured on 141 MB: 18 ms of CPU, against 50-90 ms through a read stream's new buffers).
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(4 << 20);
    let inHeader = true;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return true;
      let chunk = buffer.subarray(0, bytesRead);
      if (inHeader) {
        const end = chunk.indexOf(0x0a);
        if (end === -1) continue;
        chunk = chunk.subarray(end + 1);
        inHeader = false;
      }
      if (chunk.includes(0x22)) return false;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The layout of `header`'s lines for the model, or undefined when names repeat or a missing token
 * looks like a number (the workers read plain numbers without asking the tokens).
 */
export function blockLayout(options: {
  header: readonly string[];
  model: ServedModel;
  keep: readonly string[];
}): BlockLayout | undefined {
  const { header, model, keep } = options;
  if (new Set(header).size !== header.length) return undefined;
  if (DEFAULT_MISSING_TOKENS.some((t) => /^[-+]?[\d.]+([eE][-+]?\d+)?$/.test(t))) return undefined;
  const numeric = new Set(model.features.filter((f) => f.type === 'numeric').map((f) => f.name));
  const q = (text: string): string => quoteCsvField(text);
  return {
    width: header.length,
    features: model.features.map((f) => ({
      at: header.indexOf(f.name),
      numeric: numeric.has(f.name),
    })),
    keep: keep.map((name) => ({ at: header.indexOf(name), numeric: numeric.has(name) })),
    missing: DEFAULT_MISSING_TOKENS,
    labels: [q(model.target.negative), q(model.target.positive)],
    version: q(model.version),
  };
}

/**
 * The file's bytes after its header line, in blocks of whole lines, each in a buffer of its own
 * (moved to a worker, not copied). Lines end at LF bytes, which UTF-8 never uses inside a
 * character, so nothing is decoded here.
 */
async function* blocks(file: string): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    let carry = new Uint8Array(0); // the unfinished line of the previous read
    let header = true;
    for (;;) {
      const size = Math.max(BLOCK_BYTES, 2 * carry.length);
      const block = new Uint8Array(size);
      block.set(carry);
      const { bytesRead } = await handle.read(block, carry.length, size - carry.length, null);
      const filled = carry.length + bytesRead;
      let from = 0;
      if (header) {
        const end = block.subarray(0, filled).indexOf(0x0a);
        if (end === -1 && bytesRead > 0) {
          carry = block.slice(0, filled);
          continue;
        }
        header = false;
        from = end === -1 ? filled : end + 1;
      }
      if (bytesRead === 0) {
        if (filled > from) yield block.slice(from, filled);
        return;
      }
      const cut = block.subarray(0, filled).lastIndexOf(0x0a);
      if (cut < from) {
        carry = block.slice(from, filled); // no line end yet: read on
        continue;
      }
      carry = block.slice(cut + 1, filled);
      // A block starting at 0 moves its whole buffer; one after a header is copied once.
      yield from === 0 ? block.subarray(0, cut + 1) : block.slice(from, cut + 1);
    }
  } finally {
    await handle.close();
  }
}

export interface FastCounts {
  rowsScored: number;
  rowsRejected: number;
}

/**
 * Reads the slow lines of a block as the chunked path would (tabular's reader over the same
 * lines), scores the good ones here and returns their output lines and the rejected ones.
 */
async function readSlow(options: {
  file: string;
  header: readonly string[];
  slow: BlockResult['slow'];
  firstRow: number;
  model: ServedModel;
  keep: readonly string[];
  score: RowScorer;
}): Promise<{
  lines: Map<number, string>;
  rejected: { row: number; reason: string; record: string }[];
}> {
  const { header, slow, firstRow, model, keep, score } = options;
  const source: RecordSource = {
    name: options.file,
    header,
    batches: () => {
      const batch = { fields: slow.map((s) => s.line.split(',')), texts: slow.map((s) => s.line) };
      return Readable.from([batch]) as AsyncIterable<typeof batch>;
    },
    close: () => Promise.resolve(),
  };
  const lines = new Map<number, string>();
  const rejected: { row: number; reason: string; record: string }[] = [];
  const rowOf = (k: number): number => firstRow + (slow[k - 1]?.index ?? 0);
  for await (const chunk of readSourceChunks(source, {
    chunkRows: slow.length,
    onBadRows: 'set-aside',
    columnTypes: readColumnTypes(header, model.features),
  })) {
    for (const r of chunk.setAside) {
      rejected.push({ row: rowOf(r.row), reason: rejectReason(r.reasons), record: r.text });
    }
    const n = chunk.table.rowCount;
    if (n === 0) continue;
    const batch = toFeatureBatch(chunk.table, model.features);
    const scores = score(batch.columns, n);
    const format = rowFormat({
      kept: keep.flatMap((name) => chunk.table.columns.filter((c) => c.name === name)),
      labels: [model.target.negative, model.target.positive],
      version: model.version,
    });
    const text = formatLines(format, scores, n);
    for (let r = 0; r < n; r++) {
      const k = chunk.rowNumbers[r] ?? 0;
      lines.set(slow[k - 1]?.index ?? -1, text[r] ?? '');
    }
  }
  return { lines, rejected };
}

/** Scores one quote-free CSV file; see the module header. */
export async function scoreCsvFast(options: {
  file: string;
  header: readonly string[];
  layout: BlockLayout;
  model: ServedModel;
  keep: readonly string[];
  scoreBlock: BlockScorer;
  scoreRows: RowScorer;
  inFlight: number;
  writer: TableWriter;
  rejects: RejectWriter;
  counts: FastCounts;
  onBlock: () => void;
  /** Times a stage of the main thread: reading, waiting for the workers, writing. */
  time: <T>(stage: 'read' | 'inference' | 'write', work: () => Promise<T>) => Promise<T>;
  /**
   * Whether the file's data lines are free of quotes ({@link quoteFree}), found while the first
   * blocks are scored: nothing is written before it says so.
   */
  quoteFree: Promise<boolean>;
}): Promise<'scored' | 'quoted'> {
  const { file, header, layout, counts } = options;
  const queue: Promise<BlockResult>[] = [];
  let rowsBefore = 0;
  const finish = async (result: BlockResult): Promise<void> => {
    const firstRow = rowsBefore + 1;
    rowsBefore += result.records;
    if (result.bytes !== undefined) {
      const bytes = result.bytes;
      await options.time('write', () => options.writer.writeText(bytes));
      counts.rowsScored += result.records;
    } else {
      const slow = await readSlow({
        file,
        header,
        slow: result.slow,
        firstRow,
        model: options.model,
        keep: options.keep,
        score: options.scoreRows,
      });
      const lines = (result.lines ?? []).flatMap((line, index) => {
        const text = line ?? slow.lines.get(index);
        return text === undefined ? [] : [text];
      });
      if (lines.length > 0) {
        const text = `${lines.join('\n')}\n`;
        await options.time('write', () => options.writer.writeText(text));
      }
      counts.rowsScored += lines.length;
      counts.rowsRejected += slow.rejected.length;
      if (slow.rejected.length > 0) {
        await options.rejects.write(slow.rejected.map((r) => ({ file, ...r })));
      }
    }
    options.onBlock();
  };
  const waitFor = (job: Promise<BlockResult>): Promise<BlockResult> =>
    options.time('inference', () => job);
  const reads = blocks(file);
  let checked = false;
  /** Writes the oldest block's lines, or says the file is quoted (before anything is written). */
  const next = async (): Promise<boolean> => {
    const result = await waitFor(queue.shift() as Promise<BlockResult>);
    if (!checked) {
      if (!(await options.quoteFree)) return false;
      checked = true;
    }
    await finish(result);
    return true;
  };
  try {
    for (;;) {
      const read = await options.time('read', () => reads.next());
      if (read.done === true) break;
      const job = options.scoreBlock(read.value, layout);
      job.catch(() => undefined); // handled when awaited
      queue.push(job);
      if (queue.length >= options.inFlight && !(await next())) return 'quoted';
    }
    while (queue.length > 0) if (!(await next())) return 'quoted';
    return 'scored';
  } finally {
    // Blocks still in flight (the file turned out quoted, or a block failed) are let go.
    await Promise.allSettled(queue);
    await reads.return(undefined);
  }
}
