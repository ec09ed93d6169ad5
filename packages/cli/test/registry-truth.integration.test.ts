/**
 * Registry commands tell the truth (issue 12, item 3), through the CLI as a user runs it against
 * the real MLflow server: a train without `--name` registers a model named after the data file,
 * `models show` lists the aliases MLflow's version search leaves out, and a different schema
 * trained into an existing name needs `--allow-schema-change`, and retraining the champion's
 * model unchanged registers nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { champion } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'champion-registry-'));
const data = join(dir, 'loans_2024.csv');

/** The data with `age` removed, `income` turned into text codes and a `bonus` column added. */
function otherSchema(): string {
  const lines = readFileSync(data, 'utf8').trim().split('\n');
  const header = lines[0]?.split(',') ?? [];
  const age = header.indexOf('age');
  const income = header.indexOf('income');
  const out = lines.map((line, i) => {
    const cells = line.split(',');
    if (i > 0 && cells[income] !== '') cells[income] = `k${cells[income]}`;
    cells.push(i === 0 ? 'bonus' : String(i % 5));
    return cells.filter((_, c) => c !== age).join(',');
  });
  const path = join(dir, 'loans_2024_v2.csv');
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

async function runCount(experiment: string): Promise<number> {
  const uri = process.env['MLFLOW_TRACKING_URI'] ?? '';
  const got = (await (
    await fetch(
      `${uri}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(experiment)}`,
    )
  ).json()) as { experiment: { experiment_id: string } };
  const runs = (await (
    await fetch(`${uri}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_ids: [got.experiment.experiment_id], max_results: 1000 }),
    })
  ).json()) as { runs?: unknown[] };
  return runs.runs?.length ?? 0;
}

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

  it('refuses a different schema into an existing name before any run, listing the changes and the flag', async () => {
    const changed = otherSchema();
    const before = await runCount('loans-2024');
    expect(before).toBeGreaterThan(0);
    const args = ['train', '--data', changed, '--target', 'default', '--id-cols', 'id'];
    const refused = await champion([
      ...args,
      '--name',
      'loans-2024',
      '--search',
      'quick',
      '--learners',
      'logreg',
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout.trim()).toBe('');
    expect(refused.stderr).toMatch(/columns added \(1\): 'bonus'/);
    expect(refused.stderr).toMatch(/columns removed \(1\): 'age'/);
    expect(refused.stderr).toMatch(/columns retyped \(1\): 'income' numeric → categorical/);
    expect(refused.stderr).toMatch(/v1 \(@champion\)/);
    expect(refused.stderr).toMatch(/--allow-schema-change/);
    expect(await runCount('loans-2024')).toBe(before);

    const allowed = await champion([
      '--json',
      ...args,
      '--name',
      'loans-2024',
      '--search',
      'quick',
      '--learners',
      'logreg',
      '--allow-schema-change',
    ]);
    expect(allowed.code).toBe(0);
    const summary = parseJson(allowed.stdout);
    expect(summary['version']).toBe('2');
    expect(summary['schemaChanges']).toEqual([
      "columns added (1): 'bonus'",
      "columns removed (1): 'age'",
      "columns retyped (1): 'income' numeric → categorical",
    ]);
  });

  it('reports a retraining identical to @champion as unchanged and registers no version', async () => {
    const again = await champion([
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
    expect(again.code).toBe(0);
    expect(parseJson(again.stdout)).toMatchObject({
      version: null,
      unchanged: '1',
      decision: 'unchanged',
      promoted: false,
    });
    const shown = parseJson((await champion(['--json', 'models', 'show', 'loans-2024'])).stdout);
    const versions = shown['versions'] as { version: string; aliases: string[] }[];
    expect(versions.map((v) => v.version)).toEqual(['2', '1']);
    expect(versions.find((v) => v.version === '1')?.aliases).toContain('champion');

    // Another seed makes another model: registered and gated as usual.
    const other = await champion([
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
      '--seed',
      '5',
    ]);
    expect(other.code).toBe(0);
    expect(parseJson(other.stdout)).toMatchObject({ version: '3', unchanged: null });
  });
});
