/** Errors of the retraining loop and its policy; `code` says what went wrong. */
export type MonitorLoopErrorCode = 'POLICY' | 'CONFIG' | 'DATA' | 'RETRAIN';

export class MonitorLoopError extends Error {
  override readonly name = 'MonitorLoopError';
  readonly code: MonitorLoopErrorCode;

  constructor(code: MonitorLoopErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
