/**
 * The parts of a model.onnx that the compiled scorer reads: graph inputs and outputs, nodes with
 * their attributes, and initializers with their values. Only what ONNX's protobuf schema defines;
 * anything else in the file is skipped.
 */
import {
  fieldsOf,
  float32s,
  float64s,
  int64s,
  littleEndian,
  text,
  type WireField,
} from './protobuf/reader.js';
import { DataType } from './proto.js';

/** TensorProto.DataType values the reader decodes: those champion writes, and INT32. */
export const ElemType = { ...DataType, INT32: 6 } as const;

export interface OnnxTensor {
  readonly name: string;
  readonly dataType: number;
  readonly dims: readonly number[];
  /** Numeric values (int64 as numbers: exact below 2^53, which is all champion writes). */
  readonly values: readonly number[];
  readonly strings: readonly string[];
}

export type OnnxAttribute =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'tensor'; readonly value: OnnxTensor }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'strings'; readonly value: readonly string[] };

export interface OnnxNode {
  readonly opType: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: ReadonlyMap<string, OnnxAttribute>;
}

export interface OnnxValue {
  readonly name: string;
  readonly elemType: number;
}

export interface OnnxGraph {
  readonly opsets: ReadonlyMap<string, number>;
  readonly inputs: readonly OnnxValue[];
  readonly outputs: readonly OnnxValue[];
  readonly nodes: readonly OnnxNode[];
  readonly initializers: ReadonlyMap<string, OnnxTensor>;
}

/** Parses a ModelProto. Throws RangeError when the bytes are not a readable ONNX model. */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraph {
  const opsets = new Map<string, number>();
  let graph: WireField | undefined;
  for (const f of fieldsOf(bytes)) {
    if (f.field === 7 && f.wireType === 2) graph = f;
    else if (f.field === 8 && f.wireType === 2) {
      let domain = '';
      let version = 0;
      for (const o of fieldsOf(f.bytes)) {
        if (o.field === 1) domain = text(o);
        else if (o.field === 2 && o.wireType === 0) version = Number(o.varint);
      }
      opsets.set(domain === 'ai.onnx' ? '' : domain, version);
    }
  }
  if (graph === undefined) throw new RangeError('the model has no graph');
  const inputs: OnnxValue[] = [];
  const outputs: OnnxValue[] = [];
  const nodes: OnnxNode[] = [];
  const initializers = new Map<string, OnnxTensor>();
  for (const f of fieldsOf(graph.bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 1) nodes.push(readNode(f.bytes));
    else if (f.field === 5) {
      const tensor = readTensor(f.bytes);
      initializers.set(tensor.name, tensor);
    } else if (f.field === 11) inputs.push(readValueInfo(f.bytes));
    else if (f.field === 12) outputs.push(readValueInfo(f.bytes));
  }
  return {
    opsets,
    inputs: inputs.filter((i) => !initializers.has(i.name)),
    outputs,
    nodes,
    initializers,
  };
}

function readValueInfo(bytes: Uint8Array): OnnxValue {
  let name = '';
  let elemType = 0;
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) name = text(f);
    else if (f.field === 2 && f.wireType === 2) {
      for (const t of fieldsOf(f.bytes)) {
        if (t.field !== 1 || t.wireType !== 2) continue; // TypeProto.tensor_type
        for (const e of fieldsOf(t.bytes))
          if (e.field === 1 && e.wireType === 0) elemType = Number(e.varint);
      }
    }
  }
  return { name, elemType };
}

function readNode(bytes: Uint8Array): OnnxNode {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const attributes = new Map<string, OnnxAttribute>();
  let opType = '';
  let domain = '';
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) inputs.push(text(f));
    else if (f.field === 2) outputs.push(text(f));
    else if (f.field === 4) opType = text(f);
    else if (f.field === 7) domain = text(f);
    else if (f.field === 5 && f.wireType === 2) {
      const { name, attribute } = readAttribute(f.bytes);
      if (attribute !== undefined) attributes.set(name, attribute);
    }
  }
  return { opType, domain: domain === 'ai.onnx' ? '' : domain, inputs, outputs, attributes };
}

/** AttributeProto.AttributeType values. */
const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 };

function readAttribute(bytes: Uint8Array): { name: string; attribute: OnnxAttribute | undefined } {
  let name = '';
  let type = 0;
  let f32: number | undefined;
  let int: number | undefined;
  let str: string | undefined;
  let tensor: OnnxTensor | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  const strings: string[] = [];
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) name = text(f);
    else if (f.field === 20 && f.wireType === 0) type = Number(f.varint);
    else if (f.field === 2) f32 = float32s(f)[0];
    else if (f.field === 3) int = int64s(f)[0];
    else if (f.field === 4) str = text(f);
    else if (f.field === 5 && f.wireType === 2) tensor = readTensor(f.bytes);
    else if (f.field === 7) floats.push(...float32s(f));
    else if (f.field === 8) ints.push(...int64s(f));
    else if (f.field === 9) strings.push(text(f));
  }
  const attribute: OnnxAttribute | undefined =
    type === AttrType.FLOAT && f32 !== undefined
      ? { kind: 'float', value: f32 }
      : type === AttrType.INT && int !== undefined
        ? { kind: 'int', value: int }
        : type === AttrType.STRING && str !== undefined
          ? { kind: 'string', value: str }
          : type === AttrType.TENSOR && tensor !== undefined
            ? { kind: 'tensor', value: tensor }
            : type === AttrType.FLOATS
              ? { kind: 'floats', value: floats }
              : type === AttrType.INTS
                ? { kind: 'ints', value: ints }
                : type === AttrType.STRINGS
                  ? { kind: 'strings', value: strings }
                  : undefined;
  return { name, attribute };
}

function readTensor(bytes: Uint8Array): OnnxTensor {
  let name = '';
  let dataType = 0;
  const dims: number[] = [];
  const typed: number[] = [];
  const strings: string[] = [];
  let raw: Uint8Array | undefined;
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) dims.push(...int64s(f));
    else if (f.field === 2 && f.wireType === 0) dataType = Number(f.varint);
    else if (f.field === 8) name = text(f);
    else if (f.field === 9 && f.wireType === 2) raw = f.bytes;
    else if (f.field === 4) typed.push(...float32s(f));
    else if (f.field === 5 || f.field === 7) typed.push(...int64s(f));
    else if (f.field === 10) typed.push(...float64s(f));
    else if (f.field === 6 && f.wireType === 2) strings.push(text(f));
  }
  const values = raw === undefined ? typed : rawValues(raw, dataType);
  return { name, dataType, dims, values, strings };
}

function rawValues(raw: Uint8Array, dataType: number): number[] {
  switch (dataType) {
    case ElemType.FLOAT:
      return littleEndian(raw, 4);
    case ElemType.DOUBLE:
      return littleEndian(raw, 8);
    case ElemType.UINT8:
    case ElemType.BOOL:
      return [...raw];
    case ElemType.INT32: {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      return Array.from({ length: raw.length / 4 }, (_, i) => view.getInt32(4 * i, true));
    }
    case ElemType.INT64: {
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      return Array.from({ length: raw.length / 8 }, (_, i) =>
        Number(view.getBigInt64(8 * i, true)),
      );
    }
    default:
      throw new RangeError(`raw_data of tensor type ${dataType} is not supported`);
  }
}
