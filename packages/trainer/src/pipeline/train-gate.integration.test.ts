/**
 * The promotion gate as a user meets it: a first model becomes `@champion`; a worse candidate is
 * registered but leaves `@champion` where it was and says why; a better one moves it. Every
 * decision is readable as tags on its version in the registry.
 */
import type { MlflowClient, ModelVersion } from 'mlflow-js-client';
import { train, type TrainOptions, type TrainSummary } from '../index.js';
import {
  demoCsv,
  integrationClient,
  smallTrain,
  tempDir,
  uniqueName,
} from '../../test/integration.js';

/** The demo data's strongest signals; excluding them makes a weaker (but still valid) model. */
const STRONG = [
  'credit_utilisation',
  'late_payments_12m',
  'delinquencies_2y',
  'debt_ratio',
  'employment_type',
];
const USEFUL = [
  'income',
  'interest_rate',
  'inquiries_6m',
  'home_ownership',
  'loan_amount',
  'monthly_payment',
];

describe('the promotion gate', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let base: TrainOptions;
  let first: TrainSummary;
  let worse: TrainSummary;
  let championAfterWorse: ModelVersion;
  // A dot in the name: registered names may hold one, logged model names may not.
  const name = uniqueName('it.gate');

  function trainWith(options: {
    exclude?: string[];
    gate?: TrainOptions['gate'];
  }): Promise<TrainSummary> {
    return train({
      ...base,
      data: { ...base.data, ...(options.exclude ? { exclude: options.exclude } : {}) },
      ...(options.gate ? { gate: options.gate } : {}),
    });
  }

  async function versionTags(version: string | undefined): Promise<Map<string, string>> {
    const got = await client.registry.versions.get({ name, version: version ?? 'missing' });
    return new Map(got.tags.map((t) => [t.key, t.value]));
  }

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('it-gate');
    const path = await demoCsv({ dir: tmp.dir, rows: 5000, seed: 21 });
    // Each training excludes other columns: a schema change, consented to.
    base = { ...smallTrain({ client, name, path }), learners: ['logreg'], allowSchemaChange: true };
    first = await trainWith({ exclude: STRONG.slice(0, 2) });
    // Fewer signals still; the same file, so the champion can be scored on the candidate's rows.
    worse = await trainWith({ exclude: [...STRONG, ...USEFUL] });
    championAfterWorse = await client.registry.aliases.getVersion({ name, alias: 'champion' });
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  it('makes the first model champion because there is none yet', async () => {
    expect(first.decision?.promote).toBe(true);
    expect((await versionTags(first.version)).get('champion.gate.decision')).toBe('promoted');
  });

  it('registers the worse candidate as a new version with @challenger', async () => {
    expect(worse.version).not.toBe(first.version);
    const challenger = await client.registry.aliases.getVersion({ name, alias: 'challenger' });
    expect(challenger.version).toBe(worse.version);
  });

  it('leaves @champion on the first version when the candidate is worse', () => {
    expect(worse.decision?.promote).toBe(false);
    expect(championAfterWorse.version).toBe(first.version);
  });

  it('tags the rejected version with the decision and the comparison that failed', async () => {
    const tags = await versionTags(worse.version);
    expect(tags.get('champion.gate.decision')).toBe('rejected');
    expect(tags.get('champion.gate.reasons')).toMatch(
      new RegExp(`FAIL comparison: roc_auc [0-9.]+ vs champion v${first.version} [0-9.]+`),
    );
    expect(tags.get('champion.gate.champion_version')).toBe(first.version);
    expect(Number(tags.get('champion.gate.delta_roc_auc'))).toBeLessThan(0);
  });

  it('scores the champion on the candidate’s own test rows for the comparison', async () => {
    const tags = await versionTags(worse.version);
    const championAuc = Number(tags.get('champion.gate.champion_roc_auc'));
    const candidateAuc = Number(tags.get('champion.gate.candidate_roc_auc'));
    expect(candidateAuc).toBeCloseTo(worse.winner.evaluated.metrics['roc_auc'] ?? Number.NaN, 5);
    // Same split seed and file: the champion's own test AUC is what the gate must have measured.
    expect(championAuc).toBeCloseTo(first.winner.evaluated.metrics['roc_auc'] ?? Number.NaN, 5);
  });

  it('marks the training run of the rejected candidate as rejected', async () => {
    const run = await client.runs.get(worse.runId);
    expect(run.data.tags).toContainEqual({ key: 'champion.gate.decision', value: 'rejected' });
    expect(run.info.status).toBe('FINISHED');
  });

  describe('then a better candidate', () => {
    let better: TrainSummary;

    beforeAll(async () => {
      better = await trainWith({});
    });

    it('moves @champion to the better version', async () => {
      expect(better.decision?.promote).toBe(true);
      const champion = await client.registry.aliases.getVersion({ name, alias: 'champion' });
      expect(champion.version).toBe(better.version);
    });

    it('tags the promoted version with the comparison against the champion it replaced', async () => {
      const tags = await versionTags(better.version);
      expect(tags.get('champion.gate.decision')).toBe('promoted');
      expect(tags.get('champion.gate.champion_version')).toBe(first.version);
      expect(Number(tags.get('champion.gate.delta_roc_auc'))).toBeGreaterThan(0);
      expect(tags.get('champion.gate.reasons')).toMatch(
        new RegExp(`ok comparison: .* vs champion v${first.version}`),
      );
      expect(tags.get('champion.gate.by')).toMatch(/^champion train \(/);
    });

    it('keeps the decisions about the earlier versions in the registry', async () => {
      expect((await versionTags(first.version)).get('champion.gate.decision')).toBe('promoted');
      expect((await versionTags(worse.version)).get('champion.gate.decision')).toBe('rejected');
    });
  });
});
