import { readFileSync } from 'node:fs';
import { writeCsv } from './csv-write.js';
import { readTable } from './read.js';
import { synthesize } from './synth.js';
import { writeSynthCsv } from './synth-csv.js';
import { writeParquet } from './parquet.js';
import type { Table } from './table.js';
import { tempFolder } from './test-support/files.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

const tricky: Table = {
  rowCount: 3,
  columns: [
    { name: 'n', kind: 'numeric', values: Float64Array.from([1.5, NaN, -2]) },
    {
      name: 'note, "quoted"',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, -1]),
      dictionary: ['a,b', 'say "hi"\nbye'],
    },
  ],
};

describe('writeCsv', () => {
  it('quotes fields with commas, quotes and newlines and writes missing as empty', async () => {
    const path = folder.path('tricky.csv');
    await writeCsv(tricky, path);
    expect(readFileSync(path, 'utf8')).toBe(
      'n,"note, ""quoted"""\n1.5,"a,b"\n,"say ""hi""\nbye"\n-2,\n',
    );
  });

  it('round-trips through readTable', async () => {
    const path = folder.path('roundtrip.csv');
    await writeCsv(tricky, path);
    expect((await readTable(path)).table).toEqual(tricky);
  });
});

describe('writeSynthCsv', () => {
  it('writes the synthetic rows in chunks that read back equal to synthesize', async () => {
    const path = folder.path('synth.csv');
    const { rows } = await writeSynthCsv({ rows: 2000, seed: 3, out: path, chunkRows: 300 });
    expect(rows).toBe(2000);
    const { table } = await readTable(path);
    const expected = synthesize({ rows: 2000, seed: 3 });
    expect(table.rowCount).toBe(2000);
    expect(table.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
    const income = table.columns.find((c) => c.name === 'income');
    const expectedIncome = expected.columns.find((c) => c.name === 'income');
    expect(income).toEqual(expectedIncome);
  });
});

describe('Parquet', () => {
  it('round-trips a table through writeParquet and readTable, nulls included', async () => {
    const path = folder.path('tricky.parquet');
    await writeParquet(tricky, path);
    expect((await readTable(path)).table).toEqual(tricky);
  });

  it('reads Parquet in chunks with the same validation as CSV', async () => {
    const path = folder.path('synth.parquet');
    const table = synthesize({ rows: 5000, seed: 8, features: 5 });
    await writeParquet(table, path);
    const result = await readTable(path);
    expect(result.table.rowCount).toBe(5000);
    expect(result.table.columns.map((c) => c.kind)).toEqual(table.columns.map((c) => c.kind));
  });

  it('names a file that is not Parquet', async () => {
    const path = folder.file('fake.parquet', 'not parquet at all');
    await expect(readTable(path)).rejects.toThrow(/cannot read .*fake\.parquet as Parquet/);
  });
});
