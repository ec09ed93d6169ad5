/**
 * @champion/onnx: the ONNX wire format. The one protobuf writer and reader in the project, the
 * ONNX messages champion writes, a graph builder for the exporters, and readers of a model's
 * interface (`inspectOnnx`) and of its whole graph (`readOnnxGraph`, for the compiler). It knows
 * nothing of learners, schemas or serving.
 */
export { OnnxError, type OnnxErrorCode } from './errors.js';
export { float32AtLeast, float32Step, nextFloat32Down, nextFloat32Up } from './float32.js';
export { GraphBuilder, ML_DOMAIN, type NodeOptions } from './graph-builder.js';
export { inspectOnnx, type OnnxModelInfo, type OnnxValueInfo } from './inspect.js';
export {
  DataType,
  encodeModel,
  type AttributeValue,
  type GraphSpec,
  type ModelSpec,
  type NamedTensor,
  type NodeSpec,
  type TensorValue,
  type ValueInfoSpec,
} from './proto.js';
export { fieldsOf, text, type WireField } from './protobuf/reader.js';
export { ProtoWriter } from './protobuf/writer.js';
export {
  ElemType,
  readOnnxGraph,
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValue,
} from './read-graph.js';
