/**
 * `champion train` as a user runs it: a bad file exits non-zero with the problem named on
 * stderr and nothing printed as a result on stdout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { champion } from '../../test/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'champion-cli-'));
const name = `cli-${Date.now().toString(36)}`;

function csv(file: string, text: string): string {
  const path = join(dir, file);
  writeFileSync(path, text);
  return path;
}

function rows(count: number, row: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i)).join('\n');
}

describe('champion train on bad data', () => {
  it('exits non-zero naming the column, row and value of a non-number in a numeric column', async () => {
    const body = rows(200, (i) => `${i},${i === 41 ? 'abc' : i * 3},${i % 7},${i % 2}`);
    const file = csv('bad-number.csv', `id,income,age,default\n${body}\n`);
    const run = await champion([
      '--json',
      'train',
      '--data',
      file,
      '--target',
      'default',
      '--name',
      name,
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/column income, row 42: 'abc' is not a number/);
    expect(run.stdout.trim()).toBe('');
  });

  it('exits non-zero listing the columns when the target column is missing', async () => {
    const file = csv('no-target.csv', `id,income,age\n${rows(50, (i) => `${i},${i},${i}`)}\n`);
    const run = await champion(['train', '--data', file, '--target', 'default', '--name', name]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/default/);
    expect(run.stderr).toMatch(/income/);
  });

  it('exits non-zero when the target has three classes', async () => {
    const file = csv(
      'three.csv',
      `id,income,age,default\n${rows(90, (i) => `${i},${i},${i % 9},${i % 3}`)}\n`,
    );
    const run = await champion(['train', '--data', file, '--target', 'default', '--name', name]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/3 classes/);
  });

  it('exits non-zero on an empty file', async () => {
    const run = await champion([
      'train',
      '--data',
      csv('empty.csv', ''),
      '--target',
      'default',
      '--name',
      name,
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/empty/);
  });

  it('refuses an unknown learner before reading anything', async () => {
    const run = await champion([
      'train',
      '--data',
      csv('x.csv', 'a\n1\n'),
      '--target',
      'a',
      '--learners',
      'forest',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/unknown learner 'forest'/);
  });
});
