import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchError } from './errors.js';
import { expandInput } from './inputs.js';

describe('expandInput', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batch-inputs-'));
    for (const name of ['part-10.csv', 'part-02.csv', 'part-1.csv', 'notes.txt'])
      await writeFile(join(dir, name), 'a\n1\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists the files a glob matches, sorted by name', async () => {
    expect(await expandInput(join(dir, 'part-*.csv'))).toEqual(
      ['part-02.csv', 'part-1.csv', 'part-10.csv'].map((n) => join(dir, n)),
    );
  });

  it('returns a plain file path as it is', async () => {
    expect(await expandInput(join(dir, 'notes.txt'))).toEqual([join(dir, 'notes.txt')]);
  });

  it('fails with NO_INPUT when the glob matches nothing', async () => {
    await expect(expandInput(join(dir, '*.parquet'))).rejects.toMatchObject({ code: 'NO_INPUT' });
  });

  it('refuses wildcards in folder names', async () => {
    await expect(expandInput(join(dir, '*', 'a.csv'))).rejects.toBeInstanceOf(BatchError);
  });
});
