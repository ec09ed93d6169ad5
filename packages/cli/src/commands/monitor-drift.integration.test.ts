/**
 * `champion monitor drift` as a user runs it: against the reference stored with a model
 * registered in the real MLflow server (models:/NAME@champion), on data the model scored
 * (`champion score`, so the current data has the probability column), with and without drift;
 * and the message a user gets from a model folder without a stored reference.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import {
  integrationClient,
  tempDir,
  trainChampion,
  uniqueName,
  writeFixtureModelDir,
} from '@champion/trainer/test-support';
import { champion } from '../../test/run-cli.js';

interface DriftJson {
  columns: {
    name: string;
    type: string;
    method: string;
    score: number;
    drifted: boolean;
    missing: { reference: number; current: number };
  }[];
  share: number;
  drifted: boolean;
  prediction: {
    method: string;
    current_positive_rate: number;
    reference_positive_rate: number;
  } | null;
  skipped: { name: string; reason: string }[];
  reference: { rows: number };
}

const METHODS = {
  small: ['ks', 'chisquare', 'ztest'],
  large: ['wasserstein', 'jensenshannon'],
};

describe('champion monitor drift', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  const name = uniqueName('drift');
  const scored: Record<'same' | 'drifted', string> = { same: '', drifted: '' };

  async function score(input: string, output: string): Promise<void> {
    const header = (await readFile(input, 'utf8')).slice(0, 2000).split('\n')[0] ?? '';
    const run = await champion([
      ...['score', '--model', `models:/${name}@champion`, '--input', input],
      ...['--output', output, '--keep', header.trim()],
    ]);
    expect(run.code).toBe(0);
  }

  beforeAll(async () => {
    tmp = await tempDir('cli-drift');
    await trainChampion({ client: integrationClient(), name, dir: tmp.dir });
    const same = join(tmp.dir, 'same.csv');
    await writeSynthCsv({ rows: 1000, seed: 31, out: same });
    // Drift: every income doubled.
    const [header = '', ...rows] = (await readFile(same, 'utf8')).trimEnd().split('\n');
    const income = header.split(',').indexOf('income');
    const drifted = join(tmp.dir, 'drifted.csv');
    const doubled = rows.map((line) => {
      const fields = line.split(',');
      const v = fields[income] ?? '';
      if (v !== '') fields[income] = String(Number(v) * 2);
      return fields.join(',');
    });
    await writeFile(drifted, `${[header, ...doubled].join('\n')}\n`);
    scored.same = join(tmp.dir, 'same-scored.csv');
    scored.drifted = join(tmp.dir, 'drifted-scored.csv');
    await score(same, scored.same);
    await score(drifted, scored.drifted);
  }, 240_000);
  afterAll(() => tmp.cleanup());

  async function drift(current: string, extra: string[] = []): Promise<DriftJson> {
    const run = await champion([
      ...['--json', 'monitor', 'drift', '--reference', `models:/${name}@champion`],
      ...['--current', current, ...extra],
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as DriftJson;
  }

  it('compares data from the same distribution with the model reference: no dataset drift', async () => {
    const html = join(tmp.dir, 'report.html');
    const report = await drift(scored.same, ['--html', html]);
    // The reference holds the training split's features and the test split's scores.
    // Evidently's rule: the family of tests follows each column's non-missing reference rows.
    expect(report.columns).toHaveLength(30);
    for (const c of report.columns) {
      const present = Math.round(report.reference.rows * (1 - c.missing.reference));
      expect([c.name, METHODS[present <= 1000 ? 'small' : 'large'].includes(c.method)]).toEqual([
        c.name,
        true,
      ]);
    }
    expect(report.columns.find((c) => c.name === 'income')?.drifted).toBe(false);
    expect(report.drifted).toBe(false);
    expect(report.prediction?.method).toBe('ks');
    expect(report.skipped.map((s) => s.name).sort()).toEqual([
      'default',
      'id',
      'label',
      'model_version',
    ]);
    expect((await stat(html)).size).toBeLessThan(200_000);
  }, 60_000);

  it('finds the doubled income, and the prediction drift it causes', async () => {
    const report = await drift(scored.drifted);
    const income = report.columns.find((c) => c.name === 'income');
    expect(income?.drifted).toBe(true);
    expect(report.prediction).not.toBeNull();
  }, 60_000);

  it('tells the user to pass --reference FILE when the model has no stored reference', async () => {
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'old-model') });
    const run = await champion(['monitor', 'drift', '--reference', dir, '--current', scored.same]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/no drift reference .*--reference FILE/s);
  }, 60_000);
});
