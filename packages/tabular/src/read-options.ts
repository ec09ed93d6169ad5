import type { BadValue } from './errors.js';
import type { Table } from './table.js';

/** A column's storage type. */
export type ColumnType = 'numeric' | 'categorical';

/** Options shared by every reader. */
export interface ReadOptions {
  /** Tokens that mean "missing" (compared exactly, after no trimming). @default DEFAULT_MISSING_TOKENS */
  readonly missing?: readonly string[];
  /** CSV field delimiter. @default ',' */
  readonly delimiter?: string;
  /** Columns to read as categorical even if every value is a number (e.g. integer-coded `SEX`). */
  readonly categorical?: readonly string[];
  /**
   * Known column types (e.g. from a trained model's schema): a numeric column holding text is then
   * a bad row. Columns not listed are inferred. Listed columns absent from the file are an error.
   */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /**
   * What to do with rows that have bad values or the wrong number of fields: `reject` throws a
   * TabularError listing the first problems and the total; `set-aside` returns them separately.
   * @default 'reject'
   */
  readonly onBadRows?: 'reject' | 'set-aside';
  /** How many problems an error lists. @default 20 */
  readonly maxProblems?: number;
  /**
   * When inferring, a column whose non-missing values are at least this share numbers is numeric,
   * and its few non-numbers are bad values rather than making it categorical. @default 0.98
   */
  readonly mostlyNumericShare?: number;
}

/** Options for the chunked reader. */
export interface ChunkReadOptions extends ReadOptions {
  /** Rows per chunk. @default 65536 */
  readonly chunkRows?: number;
}

/** A row kept out of the table, with its raw text and every reason. */
export interface SetAsideRow {
  /** 1-based data row number (header excluded). */
  readonly row: number;
  readonly text: string;
  readonly reasons: readonly BadValue[];
}

/** One chunk of a file. */
export interface TableChunk {
  readonly table: Table;
  /** 1-based data row number (header excluded) of each table row. */
  readonly rowNumbers: Float64Array;
  /** Rows of this stretch of the file that were set aside (only with `onBadRows: 'set-aside'`). */
  readonly setAside: readonly SetAsideRow[];
}

/** A whole file read into memory. */
export interface ReadResult extends TableChunk {
  readonly source: string;
  /** Data rows in the file = table.rowCount + setAside.length. */
  readonly fileRows: number;
}
