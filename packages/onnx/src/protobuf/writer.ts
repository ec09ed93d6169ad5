/**
 * A minimal protobuf wire-format writer: just what ONNX's messages need (varints, 32/64-bit
 * scalars, length-delimited fields, packed repeated fields). Nested messages are encoded first
 * and embedded as bytes, which keeps the writer free of size pre-computation.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const textEncoder = new TextEncoder();

/** Appends protobuf fields to a growing buffer; `finish()` returns the encoded message. */
export class ProtoWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  /** A varint field (int32/int64/uint64/bool/enum). Negative values use 10-byte two's complement. */
  varint(field: number, value: number | bigint | boolean): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(toUint64(value));
    return this;
  }

  /** A `float` field (fixed32, little-endian). */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    const view = this.reserve(4);
    view.setFloat32(0, value, true);
    return this;
  }

  /** A `double` field (fixed64, little-endian). */
  double(field: number, value: number): this {
    this.tag(field, WIRE_FIXED64);
    const view = this.reserve(8);
    view.setFloat64(0, value, true);
    return this;
  }

  /** A `string` field, UTF-8 encoded. */
  string(field: number, value: string): this {
    return this.bytes(field, textEncoder.encode(value));
  }

  /** A `bytes` field or an already encoded embedded message. */
  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.rawVarint(BigInt(value.length));
    this.append(value);
    return this;
  }

  /** A packed repeated varint field (`repeated int64 x = n [packed = true]`). */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const value of values) inner.rawVarint(toUint64(value));
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated `float` field. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const data = new Uint8Array(values.length * 4);
    const view = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] ?? 0, true);
    return this.bytes(field, data);
  }

  /** The encoded message. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private tag(field: number, wireType: number): void {
    this.rawVarint(BigInt(field * 8 + wireType));
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.pushByte(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.pushByte(Number(rest));
  }

  private pushByte(byte: number): void {
    this.ensure(1);
    this.buffer[this.length++] = byte;
  }

  private append(data: Uint8Array): void {
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  private reserve(size: number): DataView {
    this.ensure(size);
    const view = new DataView(this.buffer.buffer, this.buffer.byteOffset + this.length, size);
    this.length += size;
    return view;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

function toUint64(value: number | bigint | boolean): bigint {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`protobuf varint must be a safe integer, got ${value}`);
  }
  return BigInt.asUintN(64, BigInt(value));
}
