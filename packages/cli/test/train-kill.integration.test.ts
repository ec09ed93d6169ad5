/**
 * `champion train` killed at each stage (SIGKILL, which nothing can catch) leaves nothing in
 * MLflow that lies once the next `champion train` of the same name (or `champion doctor
 * --repair`) has run: no RUNNING run of a dead process, no `promoted` tag without the alias, no
 * `pending` decision, `@challenger` only on versions of finished runs. SIGTERM during the gate is
 * all-or-nothing. One model name; each step's training is the "next train" of the step before.
 *
 * Kills are driven by the CLI's progress lines on stderr, and for the exact points of the gate by
 * a pass-through proxy that holds one request (test/mlflow-proxy.ts): "after the alias move
 * reached MLflow" is then a state, not a timing accident.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { MlflowClient, type ModelVersion, type Run } from 'mlflow-js-client';
import { postsJson, startMlflowProxy, type HoldMode, type SeenRequest } from './mlflow-proxy.js';
import { aliasOf, promotionProblems, tagsOf, versionsOf } from './registry-invariants.js';
import { champion, startChampion, type CliProcess, type CliRun } from './run-cli.js';

const target = process.env['MLFLOW_TRACKING_URI'] ?? '';
const name = `kill-${Date.now().toString(36)}`;
let client: MlflowClient;
let dir: string;
let data: string;

let trainings = 0;

function trainArgs(): string[] {
  trainings += 1;
  return [
    'train',
    '--data',
    data,
    '--target',
    'default',
    '--id-cols',
    'id',
    '--name',
    name,
    '--learners',
    'logreg',
    '--candidates',
    '1',
    '--folds',
    '2',
    // The same data every time: a margin of -1 lets each candidate pass against the champion,
    // so every training reaches the alias move; another seed each time, or a model identical to
    // the champion would be reported unchanged without being registered.
    '--margin',
    '-1',
    '--seed',
    String(trainings),
  ];
}

/** Starts a training through a proxy holding the first request `hold` picks. */
async function trainHolding(hold?: (r: SeenRequest) => HoldMode | undefined): Promise<{
  cli: CliProcess;
  nextHeld: () => Promise<{ request: SeenRequest; release: () => void }>;
  close: () => Promise<void>;
}> {
  let taken = false;
  const proxy = await startMlflowProxy({
    target,
    hold: (r) => {
      const mode = taken ? undefined : hold?.(r);
      if (mode) taken = true;
      return mode;
    },
  });
  const cli = startChampion(trainArgs(), { env: { MLFLOW_TRACKING_URI: proxy.url } });
  return { cli, nextHeld: () => proxy.nextHeld(), close: () => proxy.close() };
}

async function kill(cli: CliProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<CliRun> {
  cli.child.kill(signal);
  return cli.done;
}

async function parentRuns(): Promise<Run[]> {
  const experiment = await client.experiments.findByName(name);
  if (!experiment) return [];
  const runs = await client.runs.searchAll({ experimentIds: [experiment.experiment_id] });
  return runs.filter((r) => !r.data.tags.some((t) => t.key === 'mlflow.parentRunId'));
}

async function allRuns(): Promise<Run[]> {
  const experiment = await client.experiments.findByName(name);
  return experiment ? client.runs.searchAll({ experimentIds: [experiment.experiment_id] }) : [];
}

/** The acceptance invariants that must hold whenever no training of `name` is alive. */
async function expectSettled(killedRunIds: readonly string[]): Promise<void> {
  for (const run of await allRuns()) {
    if (killedRunIds.includes(run.info.run_id) || killedRunIds.length === 0)
      expect({ run: run.info.run_id, status: run.info.status }).not.toEqual({
        run: run.info.run_id,
        status: 'RUNNING',
      });
  }
  expect(await promotionProblems(client, name)).toEqual([]);
  for (const v of await versionsOf(client, name)) {
    if (!v.aliases.includes('challenger')) continue;
    expect((await client.runs.get(v.run_id ?? '')).info.status).toBe('FINISHED');
  }
}

const progress = (stage: string): RegExp => new RegExp(`^\\s*[0-9.]+s\\s+${stage}: `);

beforeAll(async () => {
  client = MlflowClient.fromEnv(process.env);
  dir = await mkdtemp(join(tmpdir(), 'champion-kill-'));
  data = join(dir, 'synth.csv');
  await writeSynthCsv({ rows: 1500, seed: 3, out: data });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await client.close();
});

describe('champion train killed at each stage', () => {
  /** Run ids of every training killed so far: none may stay RUNNING after the next one. */
  const killed: string[] = [];

  async function killedRunsOfThisStep(before: readonly Run[]): Promise<void> {
    const known = new Set(before.map((r) => r.info.run_id));
    for (const r of await allRuns()) if (!known.has(r.info.run_id)) killed.push(r.info.run_id);
  }

  it('SIGKILL during the search leaves a RUNNING run; the next training ends it FAILED with why', async () => {
    const before = await allRuns();
    const { cli, close } = await trainHolding();
    await cli.waitForLine(progress('search'));
    await kill(cli);
    await close();
    await killedRunsOfThisStep(before);
    expect((await parentRuns()).map((r) => r.info.status)).toContain('RUNNING');

    const next = await trainHolding();
    await next.cli.waitForLine(progress('search'));
    for (const id of killed) {
      const run = await client.runs.get(id);
      expect(run.info.status).toBe('FAILED');
      expect(tagsOf2(run).get('champion.failure')).toMatch(/orphaned: process \d+ on .* is gone/);
    }
    // This one dies while logging its model: the step below checks it is settled in turn.
    const before2 = await allRuns();
    await next.cli.waitForLine(progress('log'));
    await kill(next.cli);
    await next.close();
    await killedRunsOfThisStep(before2);
  });

  it('SIGKILL right after the version was created: the next training tags it interrupted', async () => {
    const before = await allRuns();
    const step = await trainHolding((r) =>
      postsJson(r, '/model-versions/create', { name }) ? 'after' : undefined,
    );
    await step.nextHeld();
    await kill(step.cli);
    await step.close();
    await killedRunsOfThisStep(before);
    const created = await lastVersion();
    expect(tagsOf(created).get('champion.gate.decision')).toBeUndefined();

    // The next training is killed after its alias move reached MLflow, before it was recorded.
    const before2 = await allRuns();
    const next = await trainHolding((r) =>
      postsJson(r, '/registered-models/alias', { name, alias: 'champion' }) ? 'after' : undefined,
    );
    await next.nextHeld();
    await kill(next.cli);
    await next.close();
    await killedRunsOfThisStep(before2);
    const interrupted = tagsOf(
      await client.registry.versions.get({ name, version: created.version }),
    );
    expect(interrupted.get('champion.gate.decision')).toBe('interrupted');
    expect(interrupted.get('champion.gate.repaired')).toMatch(
      /ended before the promotion gate decided/,
    );
  });

  it('SIGKILL after the alias moved: the next training records the promotion that happened', async () => {
    const moved = await aliasOf(client, name, 'champion');
    expect(
      tagsOf(await client.registry.versions.get({ name, version: moved ?? '' })).get(
        'champion.gate.decision',
      ),
    ).toBe('pending');
    const before = await allRuns();
    // This one is killed after writing `pending`, before its alias move reaches MLflow.
    const step = await trainHolding((r) =>
      postsJson(r, '/registered-models/alias', { name, alias: 'champion' }) ? 'before' : undefined,
    );
    await step.nextHeld();
    const settled = tagsOf(await client.registry.versions.get({ name, version: moved ?? '' }));
    expect(settled.get('champion.gate.decision')).toBe('promoted');
    await kill(step.cli);
    await step.close();
    await killedRunsOfThisStep(before);
    expect(await aliasOf(client, name, 'champion')).toBe(moved);
  });

  it('SIGKILL before the alias moved: doctor reports it, --repair tags it interrupted', async () => {
    const report = await champion(['--json', 'doctor', '--name', name], {
      env: { MLFLOW_TRACKING_URI: target },
    });
    expect(report.code).toBe(3);
    const found = (JSON.parse(report.stdout) as { findings: { kind: string; repaired: boolean }[] })
      .findings;
    expect(found.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['orphaned-run', 'pending-version']),
    );
    expect(found.every((f) => !f.repaired)).toBe(true);

    const repair = await champion(['--json', 'doctor', '--repair', '--name', name], {
      env: { MLFLOW_TRACKING_URI: target },
    });
    expect(repair.code).toBe(0);
    const last = await lastVersion();
    expect(tagsOf(last).get('champion.gate.decision')).toBe('interrupted');
    await expectSettled(killed);

    const again = await champion(['--json', 'doctor', '--name', name], {
      env: { MLFLOW_TRACKING_URI: target },
    });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('SIGKILL after the run finished, before @challenger moved: nothing to repair', async () => {
    const step = await trainHolding((r) =>
      postsJson(r, '/registered-models/alias', { name, alias: 'challenger' })
        ? 'before'
        : undefined,
    );
    await step.nextHeld();
    await kill(step.cli);
    await step.close();
    await expectSettled([]);
    const report = await champion(['--json', 'doctor', '--name', name], {
      env: { MLFLOW_TRACKING_URI: target },
    });
    expect((JSON.parse(report.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});

describe('SIGTERM during the gate', () => {
  it('before the point of no return: nothing moves, the run ends KILLED, exit non-zero', async () => {
    const championBefore = await aliasOf(client, name, 'champion');
    const before = await parentRuns();
    const step = await trainHolding((r) =>
      postsJson(r, '/registered-models/set-tag', { name, key: 'champion.lease' })
        ? 'before'
        : undefined,
    );
    const held = await step.nextHeld();
    step.cli.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    held.release();
    const run = await step.cli.done;
    await step.close();
    expect(run.code).not.toBe(0);
    expect(await aliasOf(client, name, 'champion')).toBe(championBefore);
    const mine = (await parentRuns()).filter(
      (r) => !before.some((b) => b.info.run_id === r.info.run_id),
    );
    expect(mine.map((r) => r.info.status)).toEqual(['KILLED']);
    const last = await lastVersion();
    expect(tagsOf(last).get('champion.gate.decision')).toBe('interrupted');
    await expectSettled([]);
  });

  it('after the point of no return: the move completes, the run is FINISHED, exit 0', async () => {
    const before = await parentRuns();
    const step = await trainHolding((r) =>
      postsJson(r, '/registered-models/alias', { name, alias: 'champion' }) ? 'before' : undefined,
    );
    const held = await step.nextHeld();
    step.cli.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    held.release();
    const run = await step.cli.done;
    await step.close();
    expect(run.code).toBe(0);
    const mine = (await parentRuns()).filter(
      (r) => !before.some((b) => b.info.run_id === r.info.run_id),
    );
    expect(mine.map((r) => r.info.status)).toEqual(['FINISHED']);
    const last = await lastVersion();
    expect(await aliasOf(client, name, 'champion')).toBe(last.version);
    expect(tagsOf(last).get('champion.gate.decision')).toBe('promoted');
    await expectSettled([]);
  });
});

async function lastVersion(): Promise<ModelVersion> {
  const last = (await versionsOf(client, name)).at(-1);
  if (!last) throw new Error(`${name} has no version`);
  return last;
}

function tagsOf2(run: Run): Map<string, string> {
  return new Map(run.data.tags.map((t) => [t.key, t.value]));
}
