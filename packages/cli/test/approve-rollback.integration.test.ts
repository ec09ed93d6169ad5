/**
 * `champion promote --approve` and `champion rollback`, as a user runs them: a version left
 * awaiting approval (the loop's approval mode) becomes `@champion` only when approved, with the
 * approver recorded; rollback moves `@champion` back to `@previous`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { train } from '@champion/trainer';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import type { MlflowClient } from 'mlflow-js-client';
import { aliasOf, tagsOf } from './registry-invariants.js';
import { startChampion } from './run-cli.js';

describe('champion promote --approve and champion rollback', () => {
  const name = uniqueName('approve');
  let client: MlflowClient;
  let dir: string;

  const cli = async (args: string[]): Promise<Record<string, unknown>> => {
    const run = await startChampion(['--json', ...args], { env: { CHAMPION_USER: 'alice' } }).done;
    if (run.code !== 0) throw new Error(`champion ${args.join(' ')} failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  };

  beforeAll(async () => {
    client = integrationClient();
    dir = await mkdtemp(join(tmpdir(), 'champion-approve-'));
    for (const [seed, hold] of [
      [1, false],
      [2, true],
    ] as const) {
      const csv = join(dir, `t${seed}.csv`);
      await writeSynthCsv({ rows: 1200, seed, out: csv });
      await train({
        client,
        name,
        data: { path: csv, target: 'default', idColumns: ['id'], seed },
        learners: ['logreg'],
        candidates: 1,
        folds: 2,
        gate: { primaryMetric: 'roc_auc', margin: -1, floors: {} },
        hold,
      });
    }
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await client.close();
  });

  it('leaves a held version awaiting approval, @champion unmoved', async () => {
    expect(await aliasOf(client, name, 'champion')).toBe('1');
    expect(await aliasOf(client, name, 'challenger')).toBe('2');
    const v2 = await client.registry.versions.get({ name, version: '2' });
    expect(tagsOf(v2).get('champion.gate.decision')).toBe('awaiting-approval');
  });

  it('moves @champion when approved and records who approved', async () => {
    const out = await cli(['promote', '--name', name, '--approve', '2']);
    expect(out).toMatchObject({ version: '2', promoted: true, approvedBy: 'alice', replaced: '1' });
    expect(await aliasOf(client, name, 'champion')).toBe('2');
    expect(await aliasOf(client, name, 'previous')).toBe('1');
    const v2 = await client.registry.versions.get({ name, version: '2' });
    expect(tagsOf(v2).get('champion.approval.by')).toBe('alice');
  }, 60_000);

  it('rolls @champion back to the version it replaced', async () => {
    expect(await cli(['rollback', '--name', name])).toMatchObject({ from: '2', to: '1' });
    expect(await aliasOf(client, name, 'champion')).toBe('1');
    const v2 = await client.registry.versions.get({ name, version: '2' });
    expect(tagsOf(v2).get('champion.rollback.from')).toMatch(
      /by alice: @champion moved back to v1/,
    );
  }, 60_000);

  it('refuses a second rollback when there is nothing before', async () => {
    const run = await startChampion(['rollback', '--name', name]).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no @previous version to roll back to from v1/);
  }, 60_000);
});
