/** Errors the trainer raises; `code` says which stage failed. */
export type TrainerErrorCode =
  'DATA' | 'CONFIG' | 'TRAINING' | 'EXPORT' | 'PARITY' | 'MLFLOW' | 'GATE' | 'ABORTED';

export class TrainerError extends Error {
  override readonly name = 'TrainerError';
  readonly code: TrainerErrorCode;

  constructor(code: TrainerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
