/**
 * The retraining loop against the real MLflow of the jest global setup, with the real trainer
 * (tiny synthetic data, logreg, 1 candidate, 2 folds): fired → a retrained version whose tags
 * name the monitoring run, gate decision consistent with `@champion`; a second run right after
 * → cooldown; approval mode leaves `@challenger` until approved; rollback restores the previous
 * champion; an empty window logs nothing; a failing turn ends its run FAILED; k of n windows and
 * the data fingerprint are read back from earlier monitoring runs.
 */
import { appendFile, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { approveVersion, ownerTags, rollbackChampion, train } from '@champion/trainer';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import type { MlflowClient, Run } from 'mlflow-js-client';
import {
  locateTrainingData,
  MONITOR_TAGS,
  monitoringExperiment,
  parsePolicy,
  runMonitor,
  type MonitorResult,
} from '../src/index.js';
import { FakePorts, syntheticRows } from './fake-ports.js';

const FAST = { learners: ['logreg'], candidates: 1, folds: 2, timeBudgetSeconds: 60 };

describe('champion monitor run (the retraining loop)', () => {
  let client: MlflowClient;
  let dir: string;
  const name = uniqueName('loop');
  let ports: FakePorts;
  const results: MonitorResult[] = [];

  const alias = async (a: string): Promise<string | undefined> =>
    (await client.registry.models.get(name)).aliases.find((x) => x.alias === a)?.version;
  const versionTags = async (version: string): Promise<Map<string, string>> =>
    new Map(
      (await client.registry.versions.get({ name, version })).tags.map((t) => [t.key, t.value]),
    );
  const monitoringRuns = async (): Promise<Run[]> => {
    const experiment = await client.experiments.getByName(monitoringExperiment(name));
    return client.runs.searchAll({ experimentIds: [experiment?.experiment_id ?? '0'] });
  };
  const policy = (overrides: Record<string, unknown> = {}): ReturnType<typeof parsePolicy> =>
    parsePolicy(
      {
        retrain: { ...FAST, minLabels: 50, dataDir: join(dir, 'retraining') },
        gate: { margin: -1 },
        ...overrides,
      },
      'test policy',
    );

  beforeAll(async () => {
    client = integrationClient();
    dir = await mkdtemp(join(tmpdir(), 'champion-loop-'));
    const csv = join(dir, 'train.csv');
    await writeSynthCsv({ rows: 1500, seed: 5, out: csv });
    await train({
      client,
      name,
      data: { path: csv, target: 'default', idColumns: ['id'], seed: 7 },
      ...FAST,
      learners: ['logreg'],
    });
    const start = Date.parse('2026-12-01T00:00:00Z');
    ports = new FakePorts([
      await syntheticRows({ out: join(dir, 'p1.csv'), rows: 400, seed: 11, start }),
      await syntheticRows({ out: join(dir, 'p2.csv'), rows: 300, seed: 12, start: start + 1e6 }),
      await syntheticRows({ out: join(dir, 'p3.csv'), rows: 400, seed: 13, start: start + 2e6 }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await client.close();
  });

  it('retrains when drift fires, registers a version naming the monitoring run, and promotes it', async () => {
    expect(await alias('champion')).toBe('1');
    const result = await runMonitor({ client, name, policy: policy(), ports });
    results.push(result);
    expect(result.decision).toMatchObject({
      fired: true,
      action: 'retrained-promoted',
      version: '2',
      gate: 'promoted',
    });
    const tags = await versionTags('2');
    expect(tags.get(MONITOR_TAGS.runId)).toBe(result.run_id);
    expect(tags.get(MONITOR_TAGS.reason)).toMatch(/drift: share 0.8 ≥ 0.5/);
    expect(await alias('champion')).toBe('2');
    expect(await alias('previous')).toBe('1');
  }, 180_000);

  it('gates on the newest labelled slice held out, for both models', async () => {
    const run = await client.runs.get(results[0]?.decision.training_run_id ?? '');
    const params = new Map(run.data.params.map((p) => [p.key, p.value]));
    // 400 labelled rows: the newest 20% (80) are the test split; 320 join the 1500 original rows.
    expect(params.get('rows_test')).toBe('80');
    expect(Number(params.get('rows_train')) + Number(params.get('rows_validation'))).toBe(1820);
    expect((await versionTags('2')).get('champion.gate.champion_version')).toBe('1');
  });

  it('logs the monitoring run FINISHED with the window, figures and reports', async () => {
    const run = await client.runs.get(results[0]?.run_id ?? '');
    expect(run.info.status).toBe('FINISHED');
    const metrics = new Map(run.data.metrics.map((m) => [m.key, m.value]));
    expect(metrics.get('drift_share')).toBeCloseTo(0.8);
    expect(metrics.get('drift.income')).toBeCloseTo(0.31);
    expect(metrics.get('roc_auc')).toBeCloseTo(0.81);
    const params = new Map(run.data.params.map((p) => [p.key, p.value]));
    expect(params.get('window.rows')).toBe('400');
    expect(params.get('window.labelled')).toBe('400');
    const tags = new Map(run.data.tags.map((t) => [t.key, t.value]));
    expect(tags.get(MONITOR_TAGS.checkpoint)).toBe('c1');
    expect(tags.get(MONITOR_TAGS.action)).toBe('retrained-promoted');
    const files = await client.artifacts.list({
      artifactUri: run.info.artifact_uri,
      path: 'monitoring',
    });
    expect(files.map((f) => f.path).sort()).toEqual([
      'monitoring/report.html',
      'monitoring/report.json',
    ]);
    const local = await client.artifacts.download({
      artifactUri: run.info.artifact_uri,
      path: 'monitoring/report.json',
      destDir: join(dir, 'report'),
    });
    const report = JSON.parse(await readFile(local, 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({
      run_id: run.info.run_id,
      window: { rows: 400 },
      decision: { action: 'retrained-promoted', version: '2' },
      policy: { mode: 'auto', gate: { margin: -1 } },
    });
  });

  it('does not retrain again right after: cooldown, reading the checkpoint back from MLflow', async () => {
    const result = await runMonitor({ client, name, policy: policy(), ports });
    expect(ports.requests.at(-1)?.checkpoint).toBe('c1');
    expect(result.window.rows).toBe(300);
    expect(result.decision).toMatchObject({ fired: true, action: 'cooldown', version: null });
    const versions = await client.registry.versions.searchAll({ filter: `name = '${name}'` });
    expect(versions).toHaveLength(2);
  }, 60_000);

  it('in approval mode leaves @challenger waiting until a person approves it', async () => {
    const result = await runMonitor({
      client,
      name,
      policy: policy({ mode: 'approval' }),
      ports,
      force: true,
    });
    expect(result.decision).toMatchObject({
      action: 'awaiting-approval',
      version: '3',
      gate: 'awaiting-approval',
    });
    expect(await alias('challenger')).toBe('3');
    expect(await alias('champion')).toBe('2');
    const approved = await approveVersion({ client, name, version: '3', approver: 'risk-officer' });
    expect(approved).toMatchObject({ version: '3', replaced: '2' });
    expect(await alias('champion')).toBe('3');
    expect(await alias('previous')).toBe('2');
    const tags = await versionTags('3');
    expect(tags.get('champion.approval.by')).toBe('risk-officer');
    expect(tags.get('champion.gate.decision')).toBe('promoted');
  }, 180_000);

  it('refuses to approve a version that is not awaiting approval', async () => {
    await expect(approveVersion({ client, name, version: '1' })).rejects.toThrow(
      /v1 is tagged promoted, not awaiting-approval/,
    );
  });

  it('rolls @champion back to @previous and records it on both versions', async () => {
    expect(await rollbackChampion({ client, name, actor: 'oncall' })).toEqual({
      from: '3',
      to: '2',
    });
    expect(await alias('champion')).toBe('2');
    expect(await alias('previous')).toBe('1');
    expect((await versionTags('3')).get('champion.rollback.from')).toMatch(
      /by oncall: @champion moved back to v2/,
    );
    expect((await versionTags('2')).get('champion.rollback.to')).toMatch(/restored from v3/);
  }, 60_000);

  it('logs no run for an empty window and says so', async () => {
    const before = (await monitoringRuns()).length;
    const result = await runMonitor({ client, name, policy: policy(), ports });
    expect(result).toMatchObject({
      run_id: null,
      window: { rows: 0 },
      decision: { action: 'none' },
    });
    expect(result.decision.reasons[0]).toMatch(/empty window/);
    expect(await monitoringRuns()).toHaveLength(before);
  });

  it('ends a turn that fails midway FAILED, never FINISHED', async () => {
    ports.failDrift = true;
    await expect(
      runMonitor({ client, name, policy: policy(), ports, since: '2026-12-01T00:00:00Z' }),
    ).rejects.toThrow(/drift engine broke/);
    const failed = (await monitoringRuns()).find((r) => r.info.status === 'FAILED');
    expect(failed?.data.tags.find((t) => t.key === 'champion.failure')?.value).toBe(
      'drift engine broke',
    );
    ports.failDrift = false;
  });

  it('names the recorded training data when it is gone or changed, and suggests --data', async () => {
    const csv = join(dir, 'train.csv');
    const locate = (override?: string): Promise<unknown> =>
      locateTrainingData({ client, name, version: '1', override });
    await rename(csv, `${csv}.moved`);
    await expect(locate()).rejects.toThrow(
      /the training data of 'loop-[^']+' v1 \(run \w+\) was \/.*train\.csv, which is not readable here: pass --data FILE/,
    );
    await expect(locate(join(dir, 'nope.csv'))).rejects.toThrow(/the --data file was .*nope\.csv/);
    await rename(`${csv}.moved`, csv);
    await appendFile(csv, '99999,1\n');
    await expect(locate()).rejects.toThrow(
      /train\.csv, which has changed since \(digest \w+, recorded \w+\)/,
    );
  });

  it('needs k of the last n windows of the champion, read back from MLflow, and never reuses data', async () => {
    const agreeing = policy({ agree: { k: 2, n: 2 }, cooldown: '1s' });
    const since = '2026-12-01T00:00:00Z';
    ports.drifted = 0.1;
    const quiet = await runMonitor({ client, name, policy: agreeing, ports, since });
    expect(quiet.decision).toMatchObject({ fired: false, action: 'none' });
    ports.drifted = 0.9;
    const first = await runMonitor({ client, name, policy: agreeing, ports, since });
    expect(first.decision).toMatchObject({ fired: false, action: 'none' });
    expect(first.decision.reasons).toContain(
      'agreement: 1 of the last 2 windows signalled (need 2 of 2)',
    );
    // Agreed now; but this window's labelled rows are those the first retraining used.
    const second = await runMonitor({ client, name, policy: agreeing, ports, since });
    expect(second.decision).toMatchObject({ fired: true, action: 'none', version: null });
    expect(second.decision.reasons).toContain(
      'agreement: 2 of the last 2 windows signalled (need 2 of 2)',
    );
    expect(second.decision.reasons.at(-1)).toBe(
      `same data: monitoring run ${results[0]?.run_id ?? '?'} already retrained on this data fingerprint`,
    );
  }, 60_000);

  it('holds back while another live monitoring run is retraining', async () => {
    const experiment = await client.experiments.getByName(monitoringExperiment(name));
    const other = await client.runs.create({
      experimentId: experiment.experiment_id,
      tags: { ...ownerTags(), [MONITOR_TAGS.retraining]: 'true' },
    });
    ports.override = await syntheticRows({
      out: join(dir, 'p4.csv'),
      rows: 100,
      seed: 14,
      start: 0,
    });
    try {
      const held = await runMonitor({ client, name, policy: policy(), ports, force: true });
      expect(held.decision).toMatchObject({ fired: true, action: 'cooldown', version: null });
      expect(held.decision.reasons.at(-1)).toMatch(
        new RegExp(`monitoring run ${other.info.run_id} is retraining`),
      );
    } finally {
      ports.override = undefined;
      await client.runs.finish(other.info.run_id, 'KILLED');
    }
  });
});
