import type { Table } from '@champion/tabular';
import type { FeatureSpec } from '../model/types.js';
import { signatureInputs, signatureOutputs, signatureTypes } from './signature.js';

const table: Table = {
  rowCount: 3,
  columns: [
    { name: 'age', kind: 'numeric', values: Float64Array.from([30, 41, 52]) },
    { name: 'income', kind: 'numeric', values: Float64Array.from([1200, Number.NaN, 900]) },
    { name: 'rate', kind: 'numeric', values: Float64Array.from([0.5, 1, 2]) },
    {
      name: 'home',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, 0]),
      dictionary: ['own', 'rent'],
    },
    {
      name: 'dependents',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, 2]),
      dictionary: ['0', '1', '2'],
    },
    {
      name: 'grade',
      kind: 'categorical',
      codes: Int32Array.from([0, -1, 1]),
      dictionary: ['1', '3'],
    },
    {
      name: 'branch',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, 0]),
      dictionary: ['01', '02'],
    },
  ],
};
const features: FeatureSpec[] = table.columns.map((c) => ({ name: c.name, kind: c.kind }));

describe('signature types', () => {
  it('types columns as pandas reads them when the values decide (Parquet)', () => {
    expect(signatureTypes({ table, features, integerText: undefined })).toEqual({
      age: 'long',
      income: 'any',
      rate: 'any',
      home: 'string',
      dependents: 'long',
      grade: 'any',
      branch: 'string',
    });
  });

  it('types a numeric column long only when the file writes every field as an integer', () => {
    // e.g. R wrote age 500000 as "5e+05": a whole number, but float64 to pandas.
    const types = signatureTypes({ table, features, integerText: new Set(['rate']) });
    expect(types['age']).toBe('any');
    expect(types['rate']).toBe('long');
  });

  it('lists the features in model input order, all required', () => {
    const types = signatureTypes({ table, features, integerText: undefined });
    expect(signatureInputs(features, types).map((c) => [c.name, c.required])).toEqual(
      features.map((f) => [f.name, true]),
    );
  });
});

describe('signature outputs', () => {
  const labelType = (schema: unknown): string | undefined =>
    signatureOutputs(schema).find((c) => c.name === 'label')?.type;

  it('types the label as the training target: string for text classes, long for integers', () => {
    expect(labelType({ target: { positive: 'bad', negative: 'good', type: 'text' } })).toBe(
      'string',
    );
    expect(labelType({ target: { positive: '1', negative: '0', type: 'numeric' } })).toBe('long');
    expect(labelType({ target: { positive: '0.5', negative: '1.5', type: 'numeric' } })).toBe(
      'double',
    );
  });

  it('keeps the class index (long) without a schema target, and the probability float', () => {
    expect(signatureOutputs({})).toEqual([
      { type: 'long', name: 'label', required: true },
      { type: 'float', name: 'probability', required: true },
    ]);
  });
});
