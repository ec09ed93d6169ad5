/**
 * `doctor` on states built directly in a real MLflow (no training): what a killed process or an
 * older champion left. It reports without touching anything, repairs with `repair`, and leaves
 * alone what is consistent or still being worked on by a live process.
 */
import { spawnSync } from 'node:child_process';
import type { MlflowClient } from 'mlflow-js-client';
import { GATE_TAGS } from '../registry/gate-tags.js';
import { currentOwner, ownerTags } from '../registry/owner.js';
import { integrationClient, uniqueName } from '../../test/integration.js';
import { doctor } from './doctor.js';

/** The pid of a process that has ended (the owner of a run killed with SIGKILL). */
function deadPid(): number {
  const out = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(out.stdout);
}

describe('champion doctor', () => {
  let client: MlflowClient;
  const name = uniqueName('it-doctor');
  let experimentId: string;
  const runs: Record<'orphan' | 'live' | 'killed' | 'finished' | 'legacy' | 'foreign', string> = {
    orphan: '',
    live: '',
    killed: '',
    finished: '',
    legacy: '',
    foreign: '',
  };
  const versions = { lie: '', champion: '', pending: '' };

  async function version(runId: string, tags: Record<string, string>): Promise<string> {
    const v = await client.registry.versions.create({
      name,
      source: `runs:/${runId}/model`,
      runId,
      tags: { 'champion.run_id': runId, ...tags },
    });
    return v.version;
  }

  async function tags(v: string): Promise<Map<string, string>> {
    const got = await client.registry.versions.get({ name, version: v });
    return new Map(got.tags.map((t) => [t.key, t.value]));
  }

  beforeAll(async () => {
    client = integrationClient();
    experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
    await client.registry.models.getOrCreate({ name });
    const create = async (owner: Record<string, string>, startTime?: number): Promise<string> =>
      (await client.runs.create({ experimentId, tags: owner, ...(startTime ? { startTime } : {}) }))
        .info.run_id;
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    // A champion run from before owners were recorded, RUNNING for two hours: orphaned by age.
    runs.legacy = await create({ 'champion.data.source': 'old.csv' }, twoHoursAgo);
    // Another tool's long job in the same experiment: never champion's to end.
    runs.foreign = await create({}, twoHoursAgo);
    runs.orphan = await create(ownerTags({ ...currentOwner(), id: 'dead', pid: deadPid() }));
    runs.live = await create(ownerTags());
    runs.killed = await create(ownerTags({ ...currentOwner(), id: 'gone', pid: deadPid() }));
    await client.runs.finish(runs.killed, 'KILLED');
    runs.finished = await create(ownerTags());
    await client.runs.finish(runs.finished, 'FINISHED');
    // The lie of issue 11: `promoted` written before a kill, the alias never moved; and
    // @challenger on the version of the killed run.
    versions.lie = await version(runs.killed, { [GATE_TAGS.decision]: 'promoted' });
    await client.registry.aliases.set({ name, alias: 'challenger' }, versions.lie);
    versions.champion = await version(runs.finished, {
      [GATE_TAGS.decision]: 'promoted',
      [GATE_TAGS.promotedAt]: new Date().toISOString(),
    });
    await client.registry.aliases.set({ name, alias: 'champion' }, versions.champion);
    // A gate in progress in a live process: not doctor's business.
    versions.pending = await version(runs.live, { [GATE_TAGS.decision]: 'pending' });
  });

  afterAll(async () => {
    await client.runs.finish(runs.live, 'FINISHED').catch(() => undefined);
    await client.runs.finish(runs.foreign, 'FINISHED').catch(() => undefined);
    await client.close();
  });

  it('reports the orphaned run, the lie and the stale @challenger without changing them', async () => {
    const report = await doctor(client, { name, repair: false });
    const found = report.findings.map((f) => [f.kind, f.subject, f.repaired]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['orphaned-run', `run ${runs.orphan} (experiment ${experimentId})`, false],
        ['orphaned-run', `run ${runs.legacy} (experiment ${experimentId})`, false],
        ['promoted-without-alias', `${name} v${versions.lie}`, false],
        ['challenger-of-unfinished-run', `${name} v${versions.lie}`, false],
      ]),
    );
    expect(report.findings).toHaveLength(4);
    expect((await client.runs.get(runs.orphan)).info.status).toBe('RUNNING');
    expect((await tags(versions.lie)).get(GATE_TAGS.decision)).toBe('promoted');
  });

  describe('with repair', () => {
    beforeAll(async () => {
      await doctor(client, { name, repair: true });
    });

    it('ends the orphaned run FAILED with the reason', async () => {
      const run = await client.runs.get(runs.orphan);
      expect(run.info.status).toBe('FAILED');
      expect(run.data.tags).toContainEqual({
        key: 'champion.failure',
        value: expect.stringMatching(
          /^orphaned: process \d+ on .+ is gone while the run was RUNNING/,
        ),
      });
    });

    it('settles the promoted-without-alias lie as interrupted and removes its @challenger', async () => {
      const lie = await tags(versions.lie);
      expect(lie.get(GATE_TAGS.decision)).toBe('interrupted');
      expect(lie.get(GATE_TAGS.repaired)).toMatch(
        /tagged promoted, but @champion never pointed at it/,
      );
      const model = await client.registry.models.get(name);
      expect(model.aliases.map((a) => a.alias)).not.toContain('challenger');
    });

    it('leaves the champion, the live run and its pending gate alone', async () => {
      expect((await tags(versions.champion)).get(GATE_TAGS.decision)).toBe('promoted');
      expect((await tags(versions.pending)).get(GATE_TAGS.decision)).toBe('pending');
      expect((await client.runs.get(runs.live)).info.status).toBe('RUNNING');
      expect((await client.runs.get(runs.foreign)).info.status).toBe('RUNNING');
      expect((await client.runs.get(runs.legacy)).info.status).toBe('FAILED');
      const model = await client.registry.models.get(name);
      expect(model.aliases).toContainEqual({ alias: 'champion', version: versions.champion });
    });

    it('finds nothing more to do afterwards', async () => {
      expect((await doctor(client, { name, repair: false })).findings).toEqual([]);
    });
  });
});
