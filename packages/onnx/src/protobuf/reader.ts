/**
 * Protobuf wire-format decoding for reading model.onnx: a cursor over one message's fields, with
 * the packed and unpacked forms of repeated numbers that ONNX writers use interchangeably.
 */

/** One field of a message: its number, wire type and where its payload lies. */
export interface WireField {
  readonly field: number;
  readonly wireType: 0 | 1 | 2 | 5;
  /** Varint payload (wire type 0). */
  readonly varint: bigint;
  /** The payload bytes (wire types 1, 2 and 5). */
  readonly bytes: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The fields of one encoded message, in order. Throws RangeError on malformed input. */
export function fieldsOf(message: Uint8Array): WireField[] {
  const out: WireField[] = [];
  const cursor = { pos: 0 };
  const empty = message.subarray(0, 0);
  while (cursor.pos < message.length) {
    const key = readVarint(message, cursor);
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new RangeError('field number 0');
    if (wireType === 0) {
      out.push({ field, wireType, varint: readVarint(message, cursor), bytes: empty });
    } else if (wireType === 1 || wireType === 5 || wireType === 2) {
      const size = wireType === 1 ? 8 : wireType === 5 ? 4 : Number(readVarint(message, cursor));
      if (cursor.pos + size > message.length) throw new RangeError('truncated field');
      out.push({
        field,
        wireType,
        varint: 0n,
        bytes: message.subarray(cursor.pos, cursor.pos + size),
      });
      cursor.pos += size;
    } else throw new RangeError(`unsupported wire type ${wireType}`);
  }
  return out;
}

function readVarint(bytes: Uint8Array, cursor: { pos: number }): bigint {
  let result = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    const byte = bytes[cursor.pos++];
    if (byte === undefined) throw new RangeError('truncated varint');
    result |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return result;
  }
  throw new RangeError('varint longer than 10 bytes');
}

/** A length-delimited field as UTF-8 text. */
export function text(field: WireField): string {
  if (field.wireType !== 2) throw new RangeError(`field ${field.field} is not length-delimited`);
  return utf8.decode(field.bytes);
}

/** Signed 64-bit integers of a repeated int64 field occurrence (packed or one varint). */
export function int64s(field: WireField): number[] {
  const toNumber = (v: bigint): number => Number(BigInt.asIntN(64, v));
  if (field.wireType === 0) return [toNumber(field.varint)];
  if (field.wireType !== 2) throw new RangeError(`field ${field.field} is not an integer`);
  const values: number[] = [];
  const cursor = { pos: 0 };
  while (cursor.pos < field.bytes.length) values.push(toNumber(readVarint(field.bytes, cursor)));
  return values;
}

/** Little-endian floats of a repeated float field occurrence (packed or one fixed32). */
export function float32s(field: WireField): number[] {
  if (field.wireType !== 5 && field.wireType !== 2) {
    throw new RangeError(`field ${field.field} is not a float`);
  }
  return littleEndian(field.bytes, 4);
}

/** Little-endian doubles of a repeated double field occurrence (packed or one fixed64). */
export function float64s(field: WireField): number[] {
  if (field.wireType !== 1 && field.wireType !== 2) {
    throw new RangeError(`field ${field.field} is not a double`);
  }
  return littleEndian(field.bytes, 8);
}

/** Reads `bytes` as consecutive little-endian floats (width 4) or doubles (width 8). */
export function littleEndian(bytes: Uint8Array, width: 4 | 8): number[] {
  if (bytes.length % width !== 0)
    throw new RangeError(`${bytes.length} bytes is not a multiple of ${width}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: number[] = [];
  for (let at = 0; at < bytes.length; at += width) {
    values.push(width === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true));
  }
  return values;
}
