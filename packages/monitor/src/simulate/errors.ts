/** Errors of the traffic simulation; `code` says what was wrong. */
export type SimulationErrorCode =
  /** The --drift spec does not parse, or names a column it cannot apply to. */
  | 'DRIFT_SPEC'
  /** The data file does not fit the served model (missing features, target). */
  | 'DATA'
  /** Bad options (row count, concurrency, URL). */
  | 'CONFIG'
  /** The service did not answer what the simulator needs (its schema, request ids). */
  | 'SERVICE';

export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  readonly code: SimulationErrorCode;

  constructor(code: SimulationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
