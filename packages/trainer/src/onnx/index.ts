export {
  exportOnnx,
  IR_VERSION,
  ONNX_ML_OPSET,
  ONNX_OPSET,
  type ExportOnnxOptions,
} from './export.js';
export { OnnxError, type OnnxErrorCode } from './errors.js';
export { METADATA_KEYS, PRODUCER_NAME } from './metadata.js';
export { LABEL_OUTPUT, PROBABILITY_OUTPUT } from './head.js';
export { nextFloat32Down, nextFloat32Up, float32AtLeast } from './float32.js';
export { inspectOnnx, type OnnxModelInfo, type OnnxValueInfo } from './inspect.js';
export {
  assertOnnxSignature,
  checkOnnxSignature,
  type ExpectedFeature,
  type OnnxSignatureProblem,
} from './check.js';
export { predictProbaModel, predictRawModel, predictTree } from './reference-predict.js';
