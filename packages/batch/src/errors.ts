/** The errors batch scoring raises, with a closed set of codes the CLI maps to exit codes. */

export type BatchErrorCode =
  /** `--input` matched no file, or a file cannot be read as CSV / Parquet. */
  | 'NO_INPUT'
  /** An input file lacks a feature column the model needs or a `--keep` column. */
  | 'MISSING_COLUMNS'
  /** A bad option: shard spec, output extension, chunk size. */
  | 'BAD_OPTIONS';

export class BatchError extends Error {
  override readonly name = 'BatchError';
  readonly code: BatchErrorCode;

  constructor(code: BatchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
