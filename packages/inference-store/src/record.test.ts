import { recordLine, storedRecordSchema, type InferenceRecord } from './record.js';

const TIME = new Date('2025-03-04T05:06:07.000Z');

function record(overrides: Partial<InferenceRecord> = {}): InferenceRecord {
  return {
    requestId: 'req-1',
    model: 'credit',
    version: '3',
    features: { age: 40, region: 'north' },
    probability: 0.25,
    label: 'good',
    classes: ['good', 'bad'],
    ...overrides,
  };
}

const parse = (line: string): Record<string, unknown> =>
  JSON.parse(line) as Record<string, unknown>;

describe('recordLine caps', () => {
  it('writes a line without a truncated field when nothing is over the caps', () => {
    expect(parse(recordLine(record(), TIME))['truncated']).toBeUndefined();
  });

  it('cuts a 31 MB category to the field cap and names the field with its length', () => {
    const huge = 'x'.repeat(31 * 1024 * 1024);
    const line = recordLine(record({ features: { age: 40, region: huge } }), TIME, {
      maxFieldChars: 1024,
      maxRecordBytes: 65_536,
    });
    expect(Buffer.byteLength(line)).toBeLessThan(2048);
    const parsed = parse(line);
    expect(parsed['features']).toEqual({ age: 40, region: 'x'.repeat(1024) });
    expect(parsed['truncated']).toEqual({ 'features.region': huge.length });
  });

  it('caps a client-sent record id too', () => {
    const parsed = parse(
      recordLine(record({ recordId: 'r'.repeat(5000) }), TIME, {
        maxFieldChars: 100,
        maxRecordBytes: 65_536,
      }),
    );
    expect(parsed['record_id']).toBe('r'.repeat(100));
    expect(parsed['truncated']).toEqual({ record_id: 5000 });
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const value = `${'a'.repeat(9)}😀tail`;
    const parsed = parse(
      recordLine(record({ features: { region: value } }), TIME, {
        maxFieldChars: 10,
        maxRecordBytes: 65_536,
      }),
    );
    expect((parsed['features'] as { region: string }).region).toBe('a'.repeat(9));
  });

  it('drops the features of a line still over the record cap, keeping the prediction', () => {
    const features = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`f${i}`, 'v'.repeat(200)]),
    );
    const line = recordLine(record({ features }), TIME, {
      maxFieldChars: 1024,
      maxRecordBytes: 4096,
    });
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(4096);
    const parsed = parse(line);
    expect(parsed).toMatchObject({ probability: 0.25, label: 'good', features: {} });
    expect((parsed['truncated'] as { features: number }).features).toBeGreaterThan(20_000);
  });

  it('keeps a feature named __proto__ as a feature', () => {
    const features = JSON.parse('{"__proto__": "north", "age": 3}') as Record<string, string>;
    const parsed = parse(recordLine(record({ features }), TIME));
    expect(Object.keys(parsed['features'] as object)).toEqual(['__proto__', 'age']);
  });
});

describe('storedRecordSchema', () => {
  const line = (): Record<string, unknown> => parse(recordLine(record(), TIME));

  it('accepts what recordLine writes', () => {
    expect(storedRecordSchema.safeParse(line()).success).toBe(true);
  });

  it.each([
    ['a feature that is an object', { features: { age: { $gt: 1 } } }],
    ['features that are an array', { features: [1, 2] }],
    ['a time that is not ISO', { time: 'yesterday' }],
    ['an empty request id', { request_id: '' }],
    ['a probability that is text', { probability: '0.5' }],
  ])('refuses %s', (_what, change) => {
    expect(storedRecordSchema.safeParse({ ...line(), ...change }).success).toBe(false);
  });
});
