/**
 * What one batch run will read: the shard's files, each checked up front for the model's feature
 * columns and the `--keep` columns, so a wrong file fails before anything is scored.
 */
import { openSource, type ColumnType } from '@champion/tabular';
import type { ServedFeature } from '@champion/runtime';
import { BatchError } from './errors.js';
import { expandInput } from './inputs.js';
import { shardFiles, type Shard } from './shard.js';

/** Output columns batch scoring adds after the kept ones. */
export const SCORE_COLUMNS = ['probability', 'label', 'model_version'] as const;

/** The files to read and how rows are split among shards. */
export interface ScorePlan {
  readonly files: readonly string[];
  /** Each file's header, as read when its columns were checked. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** Set when the input is a single file split into row blocks across shards. */
  readonly rowShard?: Shard;
}

/** Column types to read `header` with: features as the model types them, every other column as text. */
export function readColumnTypes(
  header: readonly string[],
  features: readonly ServedFeature[],
): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const name of header) types[name] = 'categorical'; // passthrough text, never inferred
  for (const f of features) types[f.name] = f.type;
  return types;
}

async function checkColumns(options: {
  file: string;
  features: readonly ServedFeature[];
  keep: readonly string[];
}): Promise<readonly string[]> {
  let header: readonly string[];
  try {
    const source = await openSource(options.file);
    header = source.header;
    await source.close();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BatchError('NO_INPUT', `cannot read ${options.file}: ${why}`, { cause: error });
  }
  const has = new Set(header);
  const missing = options.features.map((f) => f.name).filter((n) => !has.has(n));
  if (missing.length > 0) {
    throw new BatchError(
      'MISSING_COLUMNS',
      `${options.file} lacks the feature column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} the model needs; the file has: ${header.join(', ')}`,
    );
  }
  const absent = options.keep.filter((n) => !has.has(n));
  if (absent.length > 0) {
    throw new BatchError(
      'MISSING_COLUMNS',
      `${options.file} has no column ${absent.join(', ')} to --keep; the file has: ${header.join(', ')}`,
    );
  }
  return header;
}

/** Expands the input, picks the shard's files and checks their columns. */
export async function planScoring(options: {
  input: string;
  shard: Shard;
  features: readonly ServedFeature[];
  keep: readonly string[];
}): Promise<ScorePlan> {
  const clash = options.keep.filter((k) => (SCORE_COLUMNS as readonly string[]).includes(k));
  if (clash.length > 0) {
    throw new BatchError(
      'BAD_OPTIONS',
      `--keep ${clash.join(', ')}: the output already has ${SCORE_COLUMNS.join(', ')}; rename the input column`,
    );
  }
  const all = await expandInput(options.input);
  const single = all.length === 1;
  const files = single ? all : shardFiles(all, options.shard);
  const headers = new Map<string, readonly string[]>();
  for (const file of files) {
    headers.set(file, await checkColumns({ file, features: options.features, keep: options.keep }));
  }
  return single && options.shard.count > 1
    ? { files, headers, rowShard: options.shard }
    : { files, headers };
}
