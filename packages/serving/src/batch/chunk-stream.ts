/**
 * The chunks of every planned file in order, read with the model's column types and bad rows set
 * aside; set-aside rows carry the row number they have in their file, also for row shards.
 */
import {
  openSource,
  readSourceChunks,
  TabularError,
  type SetAsideRow,
  type TableChunk,
} from '@champion/tabular';
import type { ServedFeature } from '@champion/runtime';
import { readColumnTypes, type ScorePlan } from './plan.js';
import { fileRowOf, rowShardSource } from './shard.js';

/** A chunk and the file it came from. */
export interface FileChunk {
  readonly file: string;
  readonly chunk: TableChunk;
}

function renumbered(rows: readonly SetAsideRow[], map: (row: number) => number): SetAsideRow[] {
  return rows.map((r) => ({
    ...r,
    row: map(r.row),
    reasons: r.reasons.map((b) => ({ ...b, row: map(b.row) })),
  }));
}

/** Streams the plan's files as chunks of at most `chunkRows` rows. */
export async function* planChunks(options: {
  plan: ScorePlan;
  features: readonly ServedFeature[];
  chunkRows: number;
}): AsyncGenerator<FileChunk> {
  const { plan, features, chunkRows } = options;
  for (const file of plan.files) {
    const opened = await openSource(file);
    const { rowShard } = plan;
    const source = rowShard ? rowShardSource(opened, rowShard) : opened;
    try {
      const chunks = readSourceChunks(source, {
        chunkRows,
        onBadRows: 'set-aside',
        columnTypes: readColumnTypes(opened.header, features),
      });
      for await (const chunk of chunks) {
        yield rowShard
          ? {
              file,
              chunk: {
                ...chunk,
                setAside: renumbered(chunk.setAside, (k) => fileRowOf(k, rowShard)),
              },
            }
          : { file, chunk };
      }
    } catch (error) {
      // A file (or this shard's part of it) with a header and no rows scores nothing.
      if (!(error instanceof TabularError && error.code === 'NO_DATA_ROWS')) throw error;
    } finally {
      await source.close();
    }
  }
}
