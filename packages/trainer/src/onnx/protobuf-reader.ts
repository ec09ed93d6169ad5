/**
 * A minimal protobuf wire-format reader: iterates a message's fields so callers can pick the
 * few they need and skip the rest (tensors, nodes) without decoding them.
 */

export type ProtoField =
  | { readonly field: number; readonly wireType: 0; readonly value: bigint }
  | { readonly field: number; readonly wireType: 1 | 5; readonly value: undefined }
  | { readonly field: number; readonly wireType: 2; readonly value: Uint8Array };

const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Yields the fields of one encoded message; throws RangeError on malformed input. */
export function* readFields(bytes: Uint8Array): Generator<ProtoField> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new RangeError('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw new RangeError('varint longer than 10 bytes');
  };
  const skip = (size: number): number => {
    if (pos + size > bytes.length) throw new RangeError('truncated field');
    const start = pos;
    pos += size;
    return start;
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new RangeError('field number 0');
    if (wireType === 0) yield { field, wireType, value: varint() };
    else if (wireType === 1 || wireType === 5) {
      skip(wireType === 1 ? 8 : 4);
      yield { field, wireType, value: undefined };
    } else if (wireType === 2) {
      const size = Number(varint());
      const start = skip(size);
      yield { field, wireType, value: bytes.subarray(start, start + size) };
    } else throw new RangeError(`unsupported wire type ${wireType}`);
  }
}

/** Decodes a length-delimited field as UTF-8 text. */
export function fieldText(field: ProtoField): string {
  if (field.wireType !== 2) throw new RangeError(`field ${field.field} is not length-delimited`);
  return textDecoder.decode(field.value);
}
