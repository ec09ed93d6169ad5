import { ProtoWriter } from './protobuf.js';
import { fieldText, readFields } from './protobuf-reader.js';

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
    const fields = [...readFields(bytes)];
    expect(fields.map((f) => f.field)).toEqual([1, 2, 3, 4]);
    expect(fields[0]?.value).toBe(2n ** 40n);
    expect(fields[1] && fieldText(fields[1])).toBe('é');
  });

  test('the reader rejects truncated input', () => {
    const bytes = new ProtoWriter().string(1, 'abcdef').finish().subarray(0, 4);
    expect(() => [...readFields(bytes)]).toThrow(RangeError);
  });
});
