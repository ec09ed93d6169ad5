/**
 * The format-independent readers: `readChunks` streams a file as Tables of at most `chunkRows`
 * rows (flat memory for any file size), `readTable` concatenates them. Column types are inferred
 * by a first streaming pass unless all are given, so every chunk has the same column types.
 */
import { ChunkBuilder } from './chunk-builder.js';
import { concatChunks } from './concat.js';
import { openCsv } from './csv/source.js';
import { TabularError, formatCount } from './errors.js';
import type { BadValue } from './errors.js';
import { checkHeader } from './header.js';
import { inferColumnTypes } from './infer-types.js';
import { DEFAULT_MISSING_TOKENS, missingTest, plainDecimal } from './reading-rules/index.js';
import { openParquet } from './parquet.js';
import { ROW_NUMBERING, clip, describeBadValue } from './problems.js';
import type { ChunkReadOptions, ReadOptions, ReadResult, TableChunk } from './read-options.js';
import type { LineBatch, RecordSource } from './source.js';

/** Opens a file by its extension: `.parquet` / `.pq` with DuckDB, anything else as CSV. */
export async function openSource(path: string, options: ReadOptions = {}): Promise<RecordSource> {
  if (/\.(parquet|pq)$/i.test(path)) return openParquet(path);
  return openCsv(path, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
}

interface Rejection {
  readonly details: BadValue[];
  total: number;
  rows: number;
}

function rejectionError(source: string, rejection: Rejection): TabularError {
  const { details, total, rows } = rejection;
  const first = details[0];
  const ragged = first !== undefined && first.column === '';
  const listed = details.map((d) => `  ${describeBadValue(d)}`).join('\n');
  const more =
    total > details.length ? `\n  … and ${formatCount(total - details.length)} more` : '';
  const hint = ragged
    ? 'A row with too many fields often has an unquoted delimiter or an unbalanced quote.'
    : 'Fix the values, or read with onBadRows: set-aside (CLI: --bad-rows set-aside) to keep them apart.';
  return new TabularError({
    code: ragged ? 'RAGGED_ROW' : 'BAD_VALUES',
    message: `${source}: ${formatCount(total)} problem${total === 1 ? '' : 's'} in ${formatCount(rows)} row${rows === 1 ? '' : 's'} (${ROW_NUMBERING}):\n${listed}${more}\n${hint}`,
    details,
    total,
  });
}

/**
 * Reads a file chunk by chunk. Each chunk carries the 1-based data row numbers of its rows and
 * the rows set aside in its stretch of the file. With `onBadRows: 'reject'` (the default) the
 * first bad row stops the chunks; the rest of the file is still scanned so the thrown error can
 * give the total.
 */
export async function* readChunks(
  path: string,
  options: ChunkReadOptions = {},
): AsyncGenerator<TableChunk> {
  const source = await openSource(path, options);
  try {
    yield* readSourceChunks(source, options);
  } finally {
    await source.close();
  }
}

/** The source's records, unsplit where it can (CSV), as split fields otherwise. */
async function* lineBatches(source: RecordSource): AsyncGenerator<LineBatch> {
  if (source.lineBatches !== undefined) {
    yield* source.lineBatches();
    return;
  }
  for await (const batch of source.batches())
    yield { records: batch.fields, texts: batch.texts, delimiter: ',' };
}

/** {@link readChunks} over an already opened source. */
export async function* readSourceChunks(
  source: RecordSource,
  options: ChunkReadOptions = {},
): AsyncGenerator<TableChunk> {
  checkHeader(source.header, source.name);
  const { types } = await inferColumnTypes(source, options);
  const chunkRows = options.chunkRows ?? 65536;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new TabularError({
      code: 'BAD_OPTIONS',
      message: `chunkRows must be a positive integer, got ${chunkRows}`,
    });
  }
  const setAsideMode = options.onBadRows === 'set-aside';
  const maxProblems = options.maxProblems ?? 20;
  const missing = options.missing ?? DEFAULT_MISSING_TOKENS;
  const builderOptions = {
    header: source.header,
    types,
    capacity: chunkRows,
    isMissing: missingTest(missing),
    plainDecimalsArePresent: missing.every((token) =>
      Number.isNaN(plainDecimal(token, 0, token.length)),
    ),
  };
  let builder = new ChunkBuilder(builderOptions);
  const rejection: Rejection = { details: [], total: 0, rows: 0 };
  let row = 0;
  for await (const batch of lineBatches(source)) {
    const { records, texts, delimiter } = batch;
    for (let i = 0; i < records.length; i++) {
      row++;
      const record = records[i] as string | string[];
      const problems =
        typeof record === 'string'
          ? builder.addLine(record, row, delimiter)
          : builder.add(record, row);
      if (problems.length === 0) {
        if (builder.full && rejection.total === 0) {
          yield builder.build();
          builder = new ChunkBuilder(builderOptions);
        } else if (builder.full) {
          builder = new ChunkBuilder(builderOptions); // rejected file: keep scanning, stop yielding
        }
        continue;
      }
      if (setAsideMode) {
        builder.addSetAside({ row, text: texts[i] ?? '', reasons: problems });
        continue;
      }
      rejection.total += problems.length;
      rejection.rows++;
      for (const p of problems)
        if (rejection.details.length < maxProblems)
          rejection.details.push({ ...p, value: clip(p.value) });
      // A wrong field count usually means broken quoting; counting further is not informative.
      if (problems[0]?.column === '') throw rejectionError(source.name, rejection);
    }
  }
  if (rejection.total > 0) throw rejectionError(source.name, rejection);
  if (row === 0) {
    throw new TabularError({
      code: 'NO_DATA_ROWS',
      message: `${source.name} has a header (${source.header.join(', ')}) but no data rows`,
    });
  }
  if (builder.rows > 0 || builder.setAsideCount > 0) yield builder.build();
}

/** Reads a whole file into one Table (see {@link readChunks} for validation and set-aside rows). */
export async function readTable(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const chunks: TableChunk[] = [];
  for await (const chunk of readChunks(path, { ...options, chunkRows: 262144 })) chunks.push(chunk);
  const merged = concatChunks(chunks);
  return { ...merged, source: path, fileRows: merged.table.rowCount + merged.setAside.length };
}
