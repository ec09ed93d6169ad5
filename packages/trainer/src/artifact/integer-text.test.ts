import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integerTextColumns } from './integer-text.js';

describe('integerTextColumns', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'integer-text-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the columns whose every field pandas reads as an integer', async () => {
    const csv = join(dir, 'a.csv');
    await writeFile(
      csv,
      [
        'id,age,limit,debt,rate,sign',
        '1,30,20000,0,0.5,-2',
        '2,41,5e+05,,1,+3',
        '3,52,100,7,2,0',
      ].join('\n'),
    );
    const found = await integerTextColumns(csv, ['age', 'limit', 'debt', 'rate', 'sign']);
    expect([...(found ?? [])].sort()).toEqual(['age', 'sign']);
  });

  it('leaves Parquet files to their own column types', async () => {
    expect(await integerTextColumns(join(dir, 'x.parquet'), ['age'])).toBeUndefined();
  });
});
