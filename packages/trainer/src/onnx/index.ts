export {
  exportOnnx,
  IR_VERSION,
  ONNX_ML_OPSET,
  ONNX_OPSET,
  type ExportOnnxOptions,
} from './export.js';
export { OnnxError, type OnnxErrorCode } from '@champion/onnx';
export { METADATA_KEYS, PRODUCER_NAME } from './metadata.js';
export { LABEL_OUTPUT, PROBABILITY_OUTPUT } from './head.js';
export { nextFloat32Down, nextFloat32Up, float32AtLeast } from '@champion/onnx';
export { inspectOnnx, type OnnxModelInfo, type OnnxValueInfo } from '@champion/onnx';
export {
  assertOnnxSignature,
  checkOnnxSignature,
  type ExpectedFeature,
  type OnnxSignatureProblem,
} from './check.js';
export { predictProbaModel, predictRawModel, predictTree } from './reference-predict.js';
