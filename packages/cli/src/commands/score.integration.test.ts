/**
 * `champion score` as a user runs it, against a model registered in the real MLflow server:
 * the JSON summary, and exit code 4 when more rows are rejected than --max-reject-share allows.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { champion } from '../../test/run-cli.js';

const ROWS = 2000;

describe('champion score', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  const name = uniqueName('score');
  let input: string;

  beforeAll(async () => {
    tmp = await tempDir('cli-score');
    await trainChampion({ client: integrationClient(), name, dir: tmp.dir });
    const clean = join(tmp.dir, 'clean.csv');
    await writeSynthCsv({ rows: ROWS, seed: 21, out: clean });
    // 1% of the rows (20) lose a field.
    const [header = '', ...rows] = (await readFile(clean, 'utf8')).trimEnd().split('\n');
    const bad = rows.map((line, i) =>
      i % 100 === 50 ? line.slice(0, line.lastIndexOf(',')) : line,
    );
    input = join(tmp.dir, 'input.csv');
    await writeFile(input, `${[header, ...bad].join('\n')}\n`);
  });
  afterAll(() => tmp.cleanup());

  it('scores models:/NAME@champion and prints a JSON summary whose counts add up', async () => {
    const output = join(tmp.dir, 'scored.csv');
    const run = await champion([
      '--json',
      'score',
      '--model',
      `models:/${name}@champion`,
      '--input',
      input,
      '--output',
      output,
      '--keep',
      'id',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      rowsRead: ROWS,
      rowsScored: ROWS - 20,
      rowsRejected: 20,
      output,
      rejectFile: `${output}.rejects.csv`,
      model: { name, version: '1' },
    });
    const lines = (await readFile(output, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('id,probability,label,model_version');
    expect(lines).toHaveLength(ROWS - 20 + 1);
  });

  it('exits 4 when the rejected share is above --max-reject-share, still writing both files', async () => {
    const output = join(tmp.dir, 'strict.csv');
    const reject = join(tmp.dir, 'strict-rejects.csv');
    const run = await champion([
      '--json',
      'score',
      '--model',
      `models:/${name}@champion`,
      '--input',
      input,
      '--output',
      output,
      '--reject',
      reject,
      '--max-reject-share',
      '0.005',
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/20 of 2000 rows \(1\.00%\) were rejected/);
    const rejects = (await readFile(reject, 'utf8')).trimEnd().split('\n');
    expect(rejects).toHaveLength(21);
  });

  it('--explain top3 adds each row its three strongest reasons', async () => {
    const output = join(tmp.dir, 'explained.csv');
    const run = await champion([
      '--json',
      'score',
      '--model',
      `models:/${name}@champion`,
      '--input',
      input,
      '--output',
      output,
      '--explain',
      'top3',
    ]);
    expect(run.code).toBe(0);
    const lines = (await readFile(output, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'probability,label,model_version,reason_1,reason_1_contribution,reason_2,reason_2_contribution,reason_3,reason_3_contribution',
    );
    expect(lines).toHaveLength(ROWS - 20 + 1);
    const first = lines[1]?.split(',') ?? [];
    expect(first[3]).not.toBe('');
    expect(Number.isFinite(Number(first[4]))).toBe(true);
  });

  it('refuses --explain outside top1..top20, naming the flag', async () => {
    const run = await champion([
      'score',
      '--model',
      `models:/${name}@champion`,
      '--input',
      input,
      '--output',
      join(tmp.dir, 'never.csv'),
      '--explain',
      'top21',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--explain must be topN with N from 1 to 20/);
  });
});
