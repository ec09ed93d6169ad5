import { resolve } from 'node:path';
import { readTable } from './read.js';
import { inferSchema } from './schema.js';
import type { Column, Table } from './table.js';

// The public credit datasets ship in the repository's data/ (jest runs from the repo root).
const dataDir = resolve(process.cwd(), 'data');
const creditData = resolve(dataDir, 'credit_data.csv');
const uci = resolve(dataDir, 'uci_credit_default.csv');

function column(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
}

function missingCount(c: Column): number {
  let n = 0;
  if (c.kind === 'numeric') for (const v of c.values) n += Number.isNaN(v) ? 1 : 0;
  else for (const v of c.codes) n += v < 0 ? 1 : 0;
  return n;
}

describe('credit_data.csv', () => {
  it('has 4,454 rows with the documented missing values and 1,254 bad', async () => {
    const { table } = await readTable(creditData);
    expect(table.rowCount).toBe(4454);
    const missing = Object.fromEntries(
      ['Income', 'Assets', 'Debt', 'Home', 'Job', 'Marital'].map((n) => [
        n,
        missingCount(column(table, n)),
      ]),
    );
    expect(missing).toEqual({ Income: 381, Assets: 47, Debt: 18, Home: 6, Job: 2, Marital: 1 });
    const schema = inferSchema(table, { target: 'Status' });
    expect(schema.classCounts).toEqual({ bad: 1254, good: 3200 });
    expect(schema.target.positive).toBe('bad');
    expect(schema.idColumns).toEqual(['rownames']);
  });
});

describe('uci_credit_default.csv', () => {
  it('has 30,000 rows, 6,636 defaults, and ID as an id column', async () => {
    const { table } = await readTable(uci, { categorical: ['SEX', 'EDUCATION', 'MARRIAGE'] });
    expect(table.rowCount).toBe(30000);
    const schema = inferSchema(table, {
      target: 'default.payment.next.month',
      categorical: ['SEX', 'EDUCATION', 'MARRIAGE'],
    });
    expect(schema.classCounts).toEqual({ '0': 23364, '1': 6636 });
    expect(schema.target.positive).toBe('1');
    expect(schema.idColumns).toEqual(['ID']);
    expect(schema.features).toHaveLength(23);
    expect(schema.features.find((f) => f.name === 'SEX')?.type).toBe('categorical');
  });
});
