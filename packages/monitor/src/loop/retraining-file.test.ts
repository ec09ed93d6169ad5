import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelledRow } from './ports.js';
import { writeRetrainingFile } from './retraining-file.js';
import type { TrainingData } from './training-data.js';

describe('writeRetrainingFile', () => {
  let dir: string;
  let data: TrainingData;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'champion-retrain-file-'));
    const path = join(dir, 'train.csv');
    await writeFile(path, 'id,age,city,bad\n1,30,paris,0\n2,40,rome,1\n3,,oslo,0\n');
    data = {
      path,
      target: 'bad',
      positive: '1',
      idColumns: ['id'],
      exclude: [],
      categorical: ['city'],
      features: ['age', 'city'],
      seed: 1,
      fairness: { sensitive: [], rules: {} },
      runId: 'r',
    };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const row = (i: number, label: LabelledRow['label'] = i % 2): LabelledRow => ({
    requestId: `q${i}`,
    // Out of order on purpose: the newest (highest i) must end up last.
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, (i * 7) % 10)).toISOString(),
    features: { age: 20 + i, city: i === 3 ? null : `c${i}` },
    label,
  });

  it('appends the labelled rows oldest first, the newest held out at the end', async () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => row(i));
    const out = join(dir, 'out', 'retrain.csv');
    const file = await writeRetrainingFile({ data, rows, holdoutShare: 0.2, out });
    expect(file).toMatchObject({ baseRows: 3, added: 8, heldOut: 2, fromRow: 12 });
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('id,age,city,bad');
    expect(lines).toHaveLength(1 + 3 + 10);
    // Times (i*7)%10 seconds: the two newest are i=7 (9 s) and i=4 (8 s).
    expect(lines.slice(-2)).toEqual([',24,c4,0', ',27,c7,1']);
    expect(lines).toContain(',23,,1');
  });

  it('refuses a label that is not a class of the target, naming the request', async () => {
    await expect(
      writeRetrainingFile({
        data,
        rows: [row(1, 'maybe')],
        holdoutShare: 0.2,
        out: join(dir, 'x.csv'),
      }),
    ).rejects.toThrow(/request q1: label 'maybe' is not a class of target 'bad' \(0, 1\)/);
  });

  it('refuses a numeric feature that is not a number, naming the request and column', async () => {
    const bad = { ...row(2), features: { age: 'old', city: 'x' } };
    await expect(
      writeRetrainingFile({ data, rows: [bad], holdoutShare: 0.2, out: join(dir, 'y.csv') }),
    ).rejects.toThrow(/request q2, column 'age': 'old' is not a number/);
  });
});
