/**
 * ONNX messages (onnx/onnx.proto) as plain TypeScript values, and their protobuf encoders.
 * Only the fields champion writes are modelled; field numbers are those of onnx.proto.
 */
import { ProtoWriter } from './protobuf/writer.js';

/** `TensorProto.DataType` values champion uses. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  DOUBLE: 11,
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** A constant tensor; numeric data is stored little-endian in `raw_data`, strings in `string_data`. */
export type TensorValue =
  | { readonly dataType: 1; readonly dims: readonly number[]; readonly values: ArrayLike<number> }
  | { readonly dataType: 2; readonly dims: readonly number[]; readonly values: ArrayLike<number> }
  | { readonly dataType: 7; readonly dims: readonly number[]; readonly values: ArrayLike<number> }
  | { readonly dataType: 8; readonly dims: readonly number[]; readonly values: readonly string[] }
  | { readonly dataType: 11; readonly dims: readonly number[]; readonly values: ArrayLike<number> };

export interface NamedTensor {
  readonly name: string;
  readonly tensor: TensorValue;
}

export type AttributeValue =
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'tensor'; readonly value: TensorValue }
  | { readonly type: 'floats'; readonly value: ArrayLike<number> }
  | { readonly type: 'ints'; readonly value: readonly number[] }
  | { readonly type: 'strings'; readonly value: readonly string[] };

export interface NodeSpec {
  readonly opType: string;
  readonly domain: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** A graph input/output: a tensor of `elemType` whose dims are sizes or symbolic names. */
export interface ValueInfoSpec {
  readonly name: string;
  readonly elemType: DataType;
  readonly shape: readonly (number | string)[];
}

export interface GraphSpec {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly initializers: readonly NamedTensor[];
  readonly inputs: readonly ValueInfoSpec[];
  readonly outputs: readonly ValueInfoSpec[];
}

export interface OpsetImport {
  readonly domain: string;
  readonly version: number;
}

export interface ModelSpec {
  readonly irVersion: number;
  readonly opsetImports: readonly OpsetImport[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly docString: string;
  readonly graph: GraphSpec;
  readonly metadataProps: readonly (readonly [string, string])[];
}

const ATTRIBUTE_TYPE = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  floats: 6,
  ints: 7,
  strings: 8,
} as const;

/** Serializes a ModelProto. */
export function encodeModel(model: ModelSpec): Uint8Array {
  const w = new ProtoWriter()
    .varint(1, model.irVersion)
    .string(2, model.producerName)
    .string(3, model.producerVersion)
    .string(6, model.docString)
    .bytes(7, encodeGraph(model.graph));
  for (const opset of model.opsetImports) {
    w.bytes(8, new ProtoWriter().string(1, opset.domain).varint(2, opset.version).finish());
  }
  for (const [key, value] of model.metadataProps) {
    w.bytes(14, new ProtoWriter().string(1, key).string(2, value).finish());
  }
  return w.finish();
}

function encodeGraph(graph: GraphSpec): Uint8Array {
  const w = new ProtoWriter();
  for (const node of graph.nodes) w.bytes(1, encodeNode(node));
  w.string(2, graph.name);
  for (const { name, tensor } of graph.initializers) w.bytes(5, encodeTensor(tensor, name));
  for (const input of graph.inputs) w.bytes(11, encodeValueInfo(input));
  for (const output of graph.outputs) w.bytes(12, encodeValueInfo(output));
  return w.finish();
}

function encodeNode(node: NodeSpec): Uint8Array {
  const w = new ProtoWriter();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name).string(4, node.opType);
  for (const [name, value] of Object.entries(node.attributes)) {
    w.bytes(5, encodeAttribute(name, value));
  }
  if (node.domain !== '') w.string(7, node.domain);
  return w.finish();
}

function encodeAttribute(name: string, attribute: AttributeValue): Uint8Array {
  const w = new ProtoWriter().string(1, name).varint(20, ATTRIBUTE_TYPE[attribute.type]);
  switch (attribute.type) {
    case 'float':
      return w.float(2, attribute.value).finish();
    case 'int':
      return w.varint(3, attribute.value).finish();
    case 'string':
      return w.string(4, attribute.value).finish();
    case 'tensor':
      return w.bytes(5, encodeTensor(attribute.value)).finish();
    case 'floats':
      return w.packedFloats(7, attribute.value).finish();
    case 'ints':
      return w.packedVarints(8, attribute.value).finish();
    case 'strings':
      for (const value of attribute.value) w.string(9, value);
      return w.finish();
  }
}

/** Serializes a TensorProto, optionally named (initializers are; attribute tensors need not be). */
export function encodeTensor(tensor: TensorValue, name?: string): Uint8Array {
  const w = new ProtoWriter().packedVarints(1, tensor.dims).varint(2, tensor.dataType);
  if (tensor.dataType === DataType.STRING) {
    for (const value of tensor.values) w.string(6, value);
  } else {
    w.bytes(9, rawData(tensor));
  }
  if (name !== undefined) w.string(8, name);
  return w.finish();
}

// Written through DataView so the bytes are little-endian as ONNX requires on any host.
function rawData(tensor: Exclude<TensorValue, { dataType: 8 }>): Uint8Array {
  const { values } = tensor;
  const width = RAW_WIDTH[tensor.dataType];
  const data = new Uint8Array(values.length * width);
  const view = new DataView(data.buffer);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 0;
    switch (tensor.dataType) {
      case DataType.FLOAT:
        view.setFloat32(i * width, value, true);
        break;
      case DataType.DOUBLE:
        view.setFloat64(i * width, value, true);
        break;
      case DataType.UINT8:
        view.setUint8(i, value);
        break;
      case DataType.INT64:
        view.setBigInt64(i * width, BigInt(value), true);
        break;
    }
  }
  return data;
}

const RAW_WIDTH = { 1: 4, 2: 1, 7: 8, 11: 8 } as const;

function encodeValueInfo(info: ValueInfoSpec): Uint8Array {
  const shape = new ProtoWriter();
  for (const dim of info.shape) {
    const d = new ProtoWriter();
    if (typeof dim === 'number') d.varint(1, dim);
    else d.string(2, dim);
    shape.bytes(1, d.finish());
  }
  const tensorType = new ProtoWriter().varint(1, info.elemType).bytes(2, shape.finish()).finish();
  const type = new ProtoWriter().bytes(1, tensorType).finish();
  return new ProtoWriter().string(1, info.name).bytes(2, type).finish();
}
