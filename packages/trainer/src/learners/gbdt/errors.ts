/** What went wrong while fitting or applying a gradient-boosted tree model. */
export type GbdtErrorCode = 'invalid_params' | 'invalid_dataset' | 'single_class';

/** Raised by the GBDT learner; `code` is a closed union so callers can branch on it. */
export class GbdtError extends Error {
  override readonly name = 'GbdtError';
  readonly code: GbdtErrorCode;

  constructor(options: { code: GbdtErrorCode; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
