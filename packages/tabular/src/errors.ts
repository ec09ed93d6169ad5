/** Why a tabular operation failed; a closed set so callers can branch on it. */
export type TabularErrorCode =
  | 'FILE_NOT_FOUND'
  | 'UNSUPPORTED_FORMAT'
  | 'EMPTY_FILE'
  | 'NO_DATA_ROWS'
  | 'BAD_HEADER'
  | 'BAD_QUOTING'
  | 'RAGGED_ROW'
  | 'BAD_VALUES'
  | 'COLUMN_NOT_FOUND'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_NOT_BINARY'
  | 'TARGET_MISSING_VALUES'
  | 'BAD_POSITIVE_LABEL'
  | 'BAD_OPTIONS'
  | 'SCHEMA_MISMATCH'
  | 'PARQUET_ERROR';

/** One problem with one value, located the way a user finds it in the file. */
export interface BadValue {
  /** 1-based data row number: the header is not counted, the first data row is row 1. */
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly problem: string;
}

export interface TabularErrorOptions {
  readonly code: TabularErrorCode;
  readonly message: string;
  readonly details?: readonly BadValue[];
  /** Total number of problems found, which may exceed `details.length`. */
  readonly total?: number;
  readonly cause?: unknown;
}

/** The one error class of `@champion/tabular`; `message` names the file, column, row and value. */
export class TabularError extends Error {
  override readonly name = 'TabularError';
  readonly code: TabularErrorCode;
  readonly details: readonly BadValue[];
  readonly total: number;

  constructor(options: TabularErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.details = options.details ?? [];
    this.total = options.total ?? this.details.length;
  }
}

/** `1234567` → `1,234,567`, as row numbers are shown to users. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
