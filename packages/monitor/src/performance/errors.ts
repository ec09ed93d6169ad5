/** Errors of the performance computation; `code` says what was wrong. */
export type PerformanceErrorCode = 'BAD_ROW' | 'CONFIG';

export class PerformanceError extends Error {
  override readonly name = 'PerformanceError';
  readonly code: PerformanceErrorCode;

  constructor(code: PerformanceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
