import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readChunks } from '@champion/tabular';
import { tempDir } from '@champion/trainer/test-support';
import { DriftAccumulator } from './accumulator.js';
import type { DatasetData } from './column-data.js';
import { readPlainCsv } from './fast-csv.js';
import { readDriftData } from './read-data.js';
import { readDriftDataInWorker } from './read-parallel.js';

async function throughTabular(path: string): Promise<DatasetData> {
  const accumulator = new DriftAccumulator();
  for await (const chunk of readChunks(path)) accumulator.addTable(chunk.table);
  return accumulator.finish();
}

function plain(data: DatasetData): unknown {
  return data.columns.map((c) => ({
    name: c.name,
    storage: c.storage,
    missing: c.missing,
    values:
      c.kind === 'numeric'
        ? [
            Array.from(c.sample.values),
            c.sample.counts === null ? null : Array.from(c.sample.counts),
          ]
        : [...c.categories.counts].sort(),
  }));
}

describe('the fast CSV path', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    tmp = await tempDir('drift-read');
  });
  afterAll(() => tmp.cleanup());

  it("reads a quote-free file exactly as tabular's reader does", async () => {
    const lines = ['id,amount,rate,city,flag'];
    for (let i = 0; i < 5000; i++) {
      const amount = i % 17 === 0 ? 'NA' : i % 13 === 0 ? '' : String((i * 37) % 1000);
      const rate = i % 11 === 0 ? 'NaN' : i % 7 === 0 ? '1e-3' : ((i * 0.731) % 5).toFixed(3);
      lines.push(
        `${i},${amount},${rate},${['oslo', 'lima', 'NULL', 'kyiv', 'ümeå'][i % 5] ?? ''},${i % 2 ? 'yes' : 'no'}`,
      );
    }
    const path = join(tmp.dir, 'plain.csv');
    await writeFile(path, `\ufeff${lines.join('\r\n')}\r\n`);
    const fast = await readPlainCsv(path);
    expect(fast).toBeDefined();
    expect(fast?.rows).toBe(5000);
    expect(plain(fast as DatasetData)).toEqual(plain(await throughTabular(path)));
  });

  it('leaves a file with quotes to the general reader', async () => {
    const path = join(tmp.dir, 'quoted.csv');
    await writeFile(path, 'a,b\n1,"x, y"\n2,z\n');
    expect(await readPlainCsv(path)).toBeUndefined();
    const data = await readDriftData(path);
    const b = data.columns[1];
    expect(b?.kind === 'categorical' && [...b.categories.counts.keys()].sort()).toEqual([
      'x, y',
      'z',
    ]);
  });

  it('makes a numeric column with text in it a text column, as pandas reads it', async () => {
    const path = join(tmp.dir, 'mixed.csv');
    await writeFile(path, `v\n${['1', '2', 'two', '3'].join('\n')}\n`);
    const column = (await readPlainCsv(path))?.columns[0];
    expect(column?.kind).toBe('categorical');
    expect(column?.kind === 'categorical' && column.categories.total).toBe(4);
  });

  it('reads the same in a worker thread, and reports a missing file by name', async () => {
    const path = join(tmp.dir, 'worker.csv');
    await writeFile(
      path,
      `a,b\n${Array.from({ length: 300 }, (_, i) => `${i % 13},c${i % 4}`).join('\n')}\n`,
    );
    expect(plain(await readDriftDataInWorker(path))).toEqual(plain(await readDriftData(path)));
    await expect(readDriftDataInWorker(join(tmp.dir, 'absent.csv'))).rejects.toThrow(/absent\.csv/);
  }, 30_000);
});
