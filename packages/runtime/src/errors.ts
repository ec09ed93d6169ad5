/** The one error type of @champion/runtime, with a closed set of codes (serving maps them to HTTP). */

export type ModelErrorCode =
  /** The model folder is unusable: unreadable files, a schema that does not match the ONNX graph. */
  | 'MODEL_INVALID'
  /** A batch whose columns do not match the model's features (a caller's bug, not a client's). */
  | 'BAD_BATCH'
  /** The engine (onnxruntime or the compiled trees) failed while scoring. */
  | 'SCORING_FAILED';

export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
