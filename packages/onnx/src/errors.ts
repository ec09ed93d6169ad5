/** Errors of the ONNX wire format, the export and the artifact checks: one type, one closed code union. */

export type OnnxErrorCode =
  /** The model or the export options cannot be expressed as the champion ONNX contract. */
  | 'invalid-model'
  | 'invalid-options'
  /** The bytes are not a readable ONNX ModelProto. */
  | 'unreadable-onnx'
  /** The ONNX graph's inputs/outputs do not match the feature schema. */
  | 'signature-mismatch';

export class OnnxError extends Error {
  override readonly name = 'OnnxError';
  readonly code: OnnxErrorCode;

  constructor(code: OnnxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
