/**
 * A BatchBuilder for one chunk of a streamed batch: instead of failing the whole request on a
 * bad value, it keeps the first problem of each row, so the row is answered with its error in
 * place and the rest of the chunk is still scored.
 */
import type { ProblemDetail } from '../errors.js';
import { BatchBuilder, type RecordId } from '../records/builder.js';
import type { CompiledFeatures } from '../records/compile.js';
import { finishBatch, type ParsedBatch } from '../records/parsed.js';

export class ChunkBuilder extends BatchBuilder {
  /** Row number (in the whole request) of this chunk's row 0. */
  readonly firstRow: number;
  /** The first problem of each bad row, by row within the chunk. */
  readonly rowProblems = new Map<number, ProblemDetail>();

  constructor(options: { compiled: CompiledFeatures; rows: number; firstRow: number }) {
    const { firstRow } = options;
    super({
      compiled: options.compiled,
      rows: options.rows,
      pathOf: (row, field) => `[${firstRow + row}].${field}`,
    });
    this.firstRow = firstRow;
  }

  override problem(row: number, field: string, problem: string): void {
    this.rowProblem(row, { path: `[${this.firstRow + row}].${field}`, problem });
  }

  /** Marks row `row` bad (keeping its first problem only: one error line per row). */
  rowProblem(row: number, detail: ProblemDetail): void {
    if (!this.rowProblems.has(row)) this.rowProblems.set(row, detail);
  }

  /** The good rows among the first `filled`, as a batch to score, with their chunk rows. */
  finishChunk(filled: number): { parsed: ParsedBatch; rows: number[] } | undefined {
    const rows: number[] = [];
    for (let r = 0; r < filled; r++) if (!this.rowProblems.has(r)) rows.push(r);
    if (rows.length === 0) return undefined;
    return { parsed: keepRows(finishBatch(this), rows), rows };
  }
}

function pick<T>(values: ArrayLike<T>, rows: readonly number[], fallback: T): T[] {
  return rows.map((r) => values[r] ?? fallback);
}

/** The batch restricted to `rows` (ascending): numeric columns stay Float32Array. */
function keepRows(parsed: ParsedBatch, rows: readonly number[]): ParsedBatch {
  const n = rows.length;
  if (n === parsed.batch.rows) return parsed;
  const contiguous = rows[n - 1] === n - 1;
  const columns = parsed.batch.columns.map((c) =>
    c instanceof Float32Array
      ? contiguous
        ? c.subarray(0, n)
        : Float32Array.from(pick(c, rows, NaN))
      : contiguous
        ? c.slice(0, n)
        : pick(c, rows, ''),
  );
  const sent = parsed.sent.map((c) =>
    c === undefined
      ? undefined
      : contiguous
        ? c.subarray(0, n)
        : Float64Array.from(pick(c, rows, NaN)),
  );
  const ids: (RecordId | undefined)[] | undefined =
    parsed.ids === undefined ? undefined : rows.map((r) => parsed.ids?.[r]);
  // Unseen categories of the rows kept, renumbered as rows of the smaller batch.
  const kept = new Map(rows.map((r, i) => [r, i]));
  const unseen = parsed.unseen.flatMap((u) => {
    const row = kept.get(u.row);
    return row === undefined ? [] : [{ ...u, row }];
  });
  return { ...parsed, batch: { rows: n, columns }, sent, ids, unseen };
}
