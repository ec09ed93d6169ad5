import { conformToSchema, schemaColumnTypes } from './conform.js';
import type { Table, TableSchema } from './table.js';

const table: Table = {
  rowCount: 3,
  columns: [
    { name: 'SEX', kind: 'numeric', values: Float64Array.from([1, 2, NaN]) },
    {
      name: 'home',
      kind: 'categorical',
      codes: Int32Array.from([0, 0, 1]),
      dictionary: ['rent', 'own'],
    },
  ],
};
const schema = (types: Record<string, 'numeric' | 'categorical'>): TableSchema => ({
  features: Object.entries(types).map(([name, type]) => ({ name, type })),
  target: { name: 'y', positive: '1', negative: '0' },
  idColumns: [],
  excluded: [],
});

describe('conformToSchema', () => {
  it('turns an integer-coded column the schema calls categorical into categories', () => {
    const out = conformToSchema(table, schema({ SEX: 'categorical', home: 'categorical' }));
    expect(out.columns[0]).toEqual({
      name: 'SEX',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, -1]),
      dictionary: ['1', '2'],
    });
  });

  it('rejects a text column the schema calls numeric, naming it', () => {
    expect(() => conformToSchema(table, schema({ home: 'numeric' }))).toThrow(
      "column home holds text (e.g. 'rent') but the schema says it is numeric",
    );
  });

  it('names feature columns the table lacks', () => {
    expect(() => conformToSchema(table, schema({ Income: 'numeric' }))).toThrow(
      'feature column Income missing',
    );
  });

  it('derives read-time column types from a schema', () => {
    expect(schemaColumnTypes(schema({ SEX: 'categorical', home: 'categorical' }))).toEqual({
      SEX: 'categorical',
      home: 'categorical',
    });
  });
});
