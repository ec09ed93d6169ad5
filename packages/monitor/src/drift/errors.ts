/** Errors of the drift engine, with a closed set of codes. */
export type DriftErrorCode =
  | 'BAD_DRIFT_METHOD'
  | 'BAD_REFERENCE'
  | 'NO_REFERENCE'
  | 'NO_COMMON_COLUMNS'
  | 'COLUMN_MISMATCH'
  | 'EMPTY_DATA';

export class DriftError extends Error {
  readonly code: DriftErrorCode;

  constructor(options: { code: DriftErrorCode; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DriftError';
    this.code = options.code;
  }
}
