/**
 * Deterministic shards of the input, so N workers (a Kubernetes Indexed Job) together score every
 * row exactly once. Several files: file k (sorted by name) belongs to shard k mod N. One file:
 * blocks of SHARD_BLOCK_ROWS data rows, block b belongs to shard b mod N. Every worker tokenizes
 * the whole file (so quoted fields with line breaks can never misalign a shard boundary), but
 * only builds, validates, scores and writes its own rows, which is where most of the time goes.
 */
import type { RecordBatch, RecordSource } from '@champion/tabular';
import { BatchError } from './errors.js';

/** Shard `index` of `count` (0-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
  /** Rows per block when one file is split. @default SHARD_BLOCK_ROWS */
  readonly blockRows?: number;
}

/** Rows per block of a row-sharded file; fixed so shards do not depend on other flags. */
export const SHARD_BLOCK_ROWS = 4096;

/** Parses `I/N` (0 ≤ I < N). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1) || !(index < count)) {
    throw new BatchError(
      'BAD_OPTIONS',
      `--shard '${text}' is not I/N with 0 ≤ I < N (e.g. 0/4 for the first of four shards)`,
    );
  }
  return { index, count };
}

/** The files of shard `shard` among `files` (already sorted by name): file k if k mod N = I. */
export function shardFiles(files: readonly string[], shard: Shard): string[] {
  return files.filter((_, k) => k % shard.count === shard.index);
}

/** Whether 1-based data row `row` belongs to `shard` when one file is split by row blocks. */
export function ownsRow(row: number, shard: Shard): boolean {
  return (
    Math.floor((row - 1) / (shard.blockRows ?? SHARD_BLOCK_ROWS)) % shard.count === shard.index
  );
}

/**
 * The file's row number of the `k`-th (1-based) row a row-shard sees: the inverse of filtering
 * with {@link ownsRow}, so set-aside rows and errors name the row as it is in the file.
 */
export function fileRowOf(k: number, shard: Shard): number {
  const size = shard.blockRows ?? SHARD_BLOCK_ROWS;
  const block = Math.floor((k - 1) / size);
  const offset = (k - 1) % size;
  return (shard.index + block * shard.count) * size + offset + 1;
}

/** The source restricted to the rows `shard` owns (row numbers are then renumbered 1..). */
export function rowShardSource(source: RecordSource, shard: Shard): RecordSource {
  if (shard.count === 1) return source;
  return {
    name: source.name,
    header: source.header,
    async *batches(): AsyncGenerator<RecordBatch> {
      let row = 0;
      for await (const batch of source.batches()) {
        const fields: string[][] = [];
        const texts: string[] = [];
        for (let i = 0; i < batch.fields.length; i++) {
          row++;
          if (!ownsRow(row, shard)) continue;
          fields.push(batch.fields[i] as string[]);
          texts.push(batch.texts[i] ?? '');
        }
        if (fields.length > 0) yield { fields, texts };
      }
    },
    close: () => source.close(),
  };
}
