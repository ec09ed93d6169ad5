/**
 * The gate's compare-and-set on a real registry, with the comparison figures given directly:
 * when `@champion` moves between the first comparison and the move, the candidate is compared
 * again with the new champion and, losing, is tagged `superseded` naming it; winning, it records
 * the version it actually replaced.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { DEFAULT_GATE } from '../gate/gate.js';
import { GATE_TAGS } from '../registry/gate-tags.js';
import { integrationClient, uniqueName } from '../../test/integration.js';
import type { ChampionScore } from './champion-score.js';
import { runGate, type GateOptions } from './promotion.js';

describe('the gate when @champion moves while it runs', () => {
  let client: MlflowClient;
  const name = uniqueName('it-cas');
  const v: string[] = [];

  beforeAll(async () => {
    client = integrationClient();
    const experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
    await client.registry.models.getOrCreate({ name });
    for (let i = 0; i < 4; i++) {
      const runId = (await client.runs.create({ experimentId })).info.run_id;
      v.push(
        (await client.registry.versions.create({ name, source: `runs:/${runId}/model`, runId }))
          .version,
      );
    }
    await client.registry.aliases.set({ name, alias: 'champion' }, v[0] ?? '');
  });

  afterAll(() => client.close());

  /** A gate for `candidate` (ROC AUC 0.8) whose first look at the champion sees v1 at 0.7. */
  function gate(candidate: string, then: { moveTo: string; auc: number }): GateOptions {
    let calls = 0;
    return {
      client,
      version: { name, version: candidate },
      config: DEFAULT_GATE,
      actor: 'test',
      input: {
        candidate: { version: candidate, metrics: { roc_auc: 0.8 } },
        parity: { maxAbsDiff: 0, tolerance: 1e-5 },
        schemaProblems: [],
      },
      scoreChampion: async (): Promise<ChampionScore> => {
        calls++;
        if (calls > 1) return { version: then.moveTo, metrics: { roc_auc: then.auc } };
        // Another trainer promotes `moveTo` right after this comparison.
        await client.registry.aliases.set({ name, alias: 'champion' }, then.moveTo);
        return { version: v[0] ?? '', metrics: { roc_auc: 0.7 } };
      },
      leaseTiming: { settleMs: 100 },
    };
  }

  async function tags(version: string): Promise<Map<string, string>> {
    const got = await client.registry.versions.get({ name, version });
    return new Map(got.tags.map((t) => [t.key, t.value]));
  }

  it('tags the candidate superseded, naming the new champion it no longer beats', async () => {
    const [, q = '', c = ''] = v;
    const outcome = await runGate(gate(c, { moveTo: q, auc: 0.9 }));
    expect(outcome).toMatchObject({ promote: false, tag: 'superseded' });
    const t = await tags(c);
    expect(t.get(GATE_TAGS.decision)).toBe('superseded');
    expect(t.get(GATE_TAGS.supersededBy)).toBe(q);
    expect(t.get(GATE_TAGS.reasons)).toMatch(
      new RegExp(`^FAIL superseded: @champion moved from v${v[0]} to v${q} while this gate ran`),
    );
    expect(t.get(GATE_TAGS.championVersion)).toBe(q);
    expect((await client.registry.aliases.getVersion({ name, alias: 'champion' })).version).toBe(q);
  });

  it('still promotes a candidate that beats the new champion, recording what it replaced', async () => {
    const [, q = '', , d = ''] = v;
    const outcome = await runGate(gate(d, { moveTo: q, auc: 0.75 }));
    expect(outcome).toMatchObject({ promote: true, tag: 'promoted', replaced: q });
    const t = await tags(d);
    expect(t.get(GATE_TAGS.replaces)).toBe(q);
    expect(t.get(GATE_TAGS.championVersion)).toBe(q);
    expect((await client.registry.aliases.getVersion({ name, alias: 'champion' })).version).toBe(d);
    // The lease is given back.
    expect((await client.registry.models.get(name)).tags.map((x) => x.key)).not.toContain(
      'champion.lease',
    );
  });
});
