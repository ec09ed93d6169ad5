/**
 * Reads what the trainer's checks and serving need to know about a model.onnx without running it: its inputs and
 * outputs (name, element type, shape), opsets, producer and metadata_props. onnxruntime-node
 * exposes names and types but not metadata_props, hence this reader.
 */
import { OnnxError } from './errors.js';
import { fieldsOf, text, type WireField } from './protobuf/reader.js';

/** A graph input or output; `elemType` is ONNX's TensorProto.DataType (1 float, 7 int64, 8 string). */
export interface OnnxValueInfo {
  readonly name: string;
  readonly elemType: number;
  /** Dimension sizes, symbolic names, or null when a dimension is unknown. */
  readonly shape: readonly (number | string | null)[];
}

export interface OnnxModelInfo {
  readonly irVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  readonly opsets: Readonly<Record<string, number>>;
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly metadata: Readonly<Record<string, string>>;
}

/** Parses the parts of a ModelProto champion checks. Throws `OnnxError('unreadable-onnx')`. */
export function inspectOnnx(bytes: Uint8Array): OnnxModelInfo {
  try {
    return readModel(bytes);
  } catch (error) {
    throw new OnnxError(
      'unreadable-onnx',
      'The file is not a readable ONNX model; re-export or re-download it.',
      {
        cause: error,
      },
    );
  }
}

function readModel(bytes: Uint8Array): OnnxModelInfo {
  let irVersion = 0;
  let producerName = '';
  let producerVersion = '';
  const opsets: Record<string, number> = {};
  const metadata: Record<string, string> = {};
  let graph: { inputs: OnnxValueInfo[]; outputs: OnnxValueInfo[] } | undefined;
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1 && f.wireType === 0) irVersion = Number(f.varint);
    else if (f.field === 2) producerName = text(f);
    else if (f.field === 3) producerVersion = text(f);
    else if (f.field === 7 && f.wireType === 2) graph = readGraph(f.bytes);
    else if (f.field === 8 && f.wireType === 2) {
      const opset = readPair(f.bytes);
      opsets[opset.key] = Number(opset.number);
    } else if (f.field === 14 && f.wireType === 2) {
      const entry = readPair(f.bytes);
      metadata[entry.key] = entry.value;
    }
  }
  if (graph === undefined || irVersion === 0) throw new RangeError('no graph or ir_version');
  return { irVersion, producerName, producerVersion, opsets, ...graph, metadata };
}

/** StringStringEntryProto (1 key, 2 value) and OperatorSetIdProto (1 domain, 2 version). */
function readPair(bytes: Uint8Array): { key: string; value: string; number: bigint } {
  let key = '';
  let value = '';
  let number = 0n;
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) key = text(f);
    else if (f.field === 2 && f.wireType === 2) value = text(f);
    else if (f.field === 2 && f.wireType === 0) number = f.varint;
  }
  return { key, value, number };
}

function readGraph(bytes: Uint8Array): { inputs: OnnxValueInfo[]; outputs: OnnxValueInfo[] } {
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  const initializers = new Set<string>();
  for (const f of fieldsOf(bytes)) {
    if (f.wireType !== 2) continue;
    if (f.field === 11) inputs.push(readValueInfo(f.bytes));
    else if (f.field === 12) outputs.push(readValueInfo(f.bytes));
    else if (f.field === 5) initializers.add(tensorName(f.bytes));
  }
  // Before IR 4 initializers were also listed as inputs; they are not fed by callers.
  return { inputs: inputs.filter((i) => !initializers.has(i.name)), outputs };
}

function tensorName(bytes: Uint8Array): string {
  for (const f of fieldsOf(bytes)) if (f.field === 8) return text(f);
  return '';
}

function readValueInfo(bytes: Uint8Array): OnnxValueInfo {
  let name = '';
  let elemType = 0;
  let shape: (number | string | null)[] = [];
  for (const f of fieldsOf(bytes)) {
    if (f.field === 1) name = text(f);
    else if (f.field === 2 && f.wireType === 2) {
      const tensorType = subMessage(f.bytes, 1); // TypeProto.tensor_type
      if (tensorType === undefined) continue;
      for (const t of fieldsOf(tensorType)) {
        if (t.field === 1 && t.wireType === 0) elemType = Number(t.varint);
        else if (t.field === 2 && t.wireType === 2) shape = readShape(t.bytes);
      }
    }
  }
  return { name, elemType, shape };
}

function readShape(bytes: Uint8Array): (number | string | null)[] {
  const dims: (number | string | null)[] = [];
  for (const f of fieldsOf(bytes)) {
    if (f.field !== 1 || f.wireType !== 2) continue;
    let dim: number | string | null = null;
    for (const d of fieldsOf(f.bytes)) {
      if (d.field === 1 && d.wireType === 0) dim = Number(d.varint);
      else if (d.field === 2) dim = text(d);
    }
    dims.push(dim);
  }
  return dims;
}

function subMessage(bytes: Uint8Array, field: number): Uint8Array | undefined {
  const found: WireField | undefined = fieldsOf(bytes).find(
    (f) => f.field === field && f.wireType === 2,
  );
  return found?.bytes;
}
