/** The store's one error class, with a closed set of codes. */
export type InferenceStoreErrorCode =
  'INVALID_SETTING' | 'INVALID_CHECKPOINT' | 'STORE_UNAVAILABLE' | 'INVALID_LABELS';

export class InferenceStoreError extends Error {
  override readonly name = 'InferenceStoreError';
  readonly code: InferenceStoreErrorCode;

  constructor(options: { code: InferenceStoreErrorCode; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? {} : { cause: options.cause });
    this.code = options.code;
  }
}
