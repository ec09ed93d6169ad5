import { fieldsOf, float32s, int64s, text } from './reader.js';
import { ProtoWriter } from './writer.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('protobuf writer', () => {
  test('encodes varints as in the protobuf encoding guide (150 → 08 96 01)', () => {
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
  });

  test('encodes a negative int64 as ten bytes of two’s complement', () => {
    expect(hex(new ProtoWriter().varint(1, -1).finish())).toBe('08ffffffffffffffffff01');
  });

  test('encodes strings length-delimited in UTF-8 ("testing" → 12 07 ...)', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
  });

  test('packs repeated varints into one length-delimited field', () => {
    expect(hex(new ProtoWriter().packedVarints(4, [3, 270, 86942]).finish())).toBe(
      '2206038e029ea705',
    );
  });

  test('reads back what it writes', () => {
    const bytes = new ProtoWriter()
      .varint(1, 2 ** 40)
      .string(2, 'é')
      .bytes(3, new Uint8Array([1, 2]))
      .float(4, 1.5)
      .finish();
    const fields = fieldsOf(bytes);
    expect(fields.map((f) => f.field)).toEqual([1, 2, 3, 4]);
    expect(fields[0]?.varint).toBe(2n ** 40n);
    expect(fields[1] && text(fields[1])).toBe('é');
    expect(fields[2]?.bytes).toEqual(new Uint8Array([1, 2]));
    expect(fields[3] && float32s(fields[3])).toEqual([1.5]);
  });

  test('the reader rejects truncated input', () => {
    const bytes = new ProtoWriter().string(1, 'abcdef').finish().subarray(0, 4);
    expect(() => fieldsOf(bytes)).toThrow(RangeError);
  });

  test('reads repeated int64s packed or one by one, negative ones as signed', () => {
    const packed = fieldsOf(new ProtoWriter().packedVarints(1, [3, -2, 2 ** 40]).finish());
    const single = fieldsOf(new ProtoWriter().varint(1, -7).finish());
    expect(packed[0] && int64s(packed[0])).toEqual([3, -2, 2 ** 40]);
    expect(single[0] && int64s(single[0])).toEqual([-7]);
  });

  test('rejects a field number 0 and an unknown wire type', () => {
    expect(() => fieldsOf(new Uint8Array([0x00, 0x01]))).toThrow(RangeError);
    expect(() => fieldsOf(new Uint8Array([0x0b]))).toThrow(RangeError);
  });
});
