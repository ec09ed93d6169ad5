/**
 * Registry commands tell the truth (issue 12, item 3), through the CLI as a user runs it against
 * the real MLflow server: a train without `--name` registers a model named after the data file,
 * and `models show` lists the aliases MLflow's version search leaves out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { champion } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'champion-registry-'));
const data = join(dir, 'loans_2024.csv');

function parseJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('registry commands through the CLI', () => {
  beforeAll(async () => {
    const synth = await champion(['data', 'synth', '--rows', '400', '--out', data]);
    expect(synth.code).toBe(0);
  });

  it('an untitled train on loans_2024.csv registers loans-2024, and models show lists @champion on it', async () => {
    const trained = await champion([
      '--json',
      'train',
      '--data',
      data,
      '--target',
      'default',
      '--id-cols',
      'id',
      '--search',
      'quick',
      '--learners',
      'logreg',
    ]);
    expect(trained.stderr).not.toMatch(/"level":"error"/);
    expect(trained.code).toBe(0);
    const summary = parseJson(trained.stdout);
    expect(summary).toMatchObject({ event: 'trained', promoted: true });
    const version = summary['version'] as string;

    const shown = await champion(['--json', 'models', 'show', 'loans-2024']);
    expect(shown.code).toBe(0);
    const model = parseJson(shown.stdout) as {
      name: string;
      versions: { version: string; aliases: string[] }[];
    };
    expect(model.name).toBe('loans-2024');
    const champ = model.versions.find((v) => v.version === version);
    expect(champ?.aliases).toEqual(expect.arrayContaining(['champion', 'challenger']));

    const text = await champion(['models', 'show', 'loans-2024']);
    expect(text.code).toBe(0);
    const row = text.stdout.split('\n').find((l) => l.trimStart().startsWith(`${version} `));
    expect(row).toMatch(/@champion/);
  });
});
