/**
 * The binary tensor data extension (what tritonclient sends by default): the body is the JSON
 * header (`Inference-Header-Content-Length` bytes) followed by each binary tensor, in input
 * order, little-endian; BYTES elements are a 4-byte length then the bytes.
 */
import { invalidRequest } from '../errors.js';

/** Splits a raw body into the JSON header text and the binary tail. */
export function splitBody(
  body: Buffer,
  headerLength: string | undefined,
): { json: string; binary: Buffer } {
  if (headerLength === undefined) return { json: body.toString('utf8'), binary: Buffer.alloc(0) };
  const n = Number(headerLength);
  if (!Number.isInteger(n) || n < 0 || n > body.length) {
    throw invalidRequest(
      `Inference-Header-Content-Length ${JSON.stringify(headerLength)} is not a length within the ${body.length}-byte body.`,
    );
  }
  return { json: body.subarray(0, n).toString('utf8'), binary: body.subarray(n) };
}

const READERS: Readonly<
  Record<string, { size: number; read: (b: Buffer, offset: number) => number | bigint }>
> = {
  BOOL: { size: 1, read: (b, o) => b.readUInt8(o) },
  UINT8: { size: 1, read: (b, o) => b.readUInt8(o) },
  UINT16: { size: 2, read: (b, o) => b.readUInt16LE(o) },
  UINT32: { size: 4, read: (b, o) => b.readUInt32LE(o) },
  UINT64: { size: 8, read: (b, o) => b.readBigUInt64LE(o) },
  INT8: { size: 1, read: (b, o) => b.readInt8(o) },
  INT16: { size: 2, read: (b, o) => b.readInt16LE(o) },
  INT32: { size: 4, read: (b, o) => b.readInt32LE(o) },
  INT64: { size: 8, read: (b, o) => b.readBigInt64LE(o) },
  FP32: { size: 4, read: (b, o) => b.readFloatLE(o) },
  FP64: { size: 8, read: (b, o) => b.readDoubleLE(o) },
};

/**
 * Decodes one binary tensor into JSON-like values (numbers, strings; NaN becomes null, i.e.
 * missing, since binary floats can carry it where JSON cannot).
 */
export function decodeBinaryTensor(options: {
  bytes: Buffer;
  datatype: string;
  path: string;
}): unknown[] {
  const { bytes, datatype, path } = options;
  if (datatype === 'BYTES') {
    const out: unknown[] = [];
    let offset = 0;
    while (offset < bytes.length) {
      if (offset + 4 > bytes.length)
        throw invalidRequest(`${path}: truncated BYTES element.`, [
          { path, problem: 'truncated BYTES element length' },
        ]);
      const length = bytes.readUInt32LE(offset);
      offset += 4;
      if (offset + length > bytes.length)
        throw invalidRequest(`${path}: truncated BYTES element.`, [
          { path, problem: 'BYTES element longer than the data' },
        ]);
      out.push(bytes.toString('utf8', offset, offset + length));
      offset += length;
    }
    return out;
  }
  const reader = READERS[datatype];
  if (reader === undefined)
    throw invalidRequest(`${path}: datatype ${datatype} is not supported.`, [
      { path, problem: `unsupported datatype ${datatype}` },
    ]);
  if (bytes.length % reader.size !== 0) {
    throw invalidRequest(
      `${path}: ${bytes.length} bytes is not a whole number of ${datatype} elements.`,
      [{ path, problem: 'binary size does not match the datatype' }],
    );
  }
  const out = new Array<unknown>(bytes.length / reader.size);
  for (let i = 0; i < out.length; i++) {
    const v = reader.read(bytes, i * reader.size);
    const n = typeof v === 'bigint' ? Number(v) : v;
    out[i] = Number.isNaN(n) ? null : n;
  }
  return out;
}

/** Encodes a numeric output tensor as binary. */
export function encodeBinaryTensor(values: Float32Array | Float64Array | BigInt64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Encodes a BYTES output tensor: each element a 4-byte length, then its UTF-8 bytes. */
export function encodeBytesTensor(values: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const value of values) {
    const bytes = Buffer.from(value, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length, 0);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}
