/**
 * `champion promote` applies fairness rules: those the candidate's training recorded, unless the
 * caller gives its own (same names as `champion train`'s). Real MLflow, real trainer.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { promoteVersion, train, type TrainOptions } from '../index.js';
import {
  demoCsv,
  integrationClient,
  smallTrain,
  tempDir,
  uniqueName,
} from '../../test/integration.js';

const LENIENT = { primaryMetric: 'roc_auc', margin: -1, floors: {} };

describe('champion promote and the fairness rules', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let heldOut: string;
  const name = uniqueName('it.promote-fair');

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('it-promote-fair');
    const path = await demoCsv({ dir: tmp.dir, rows: 2000, seed: 31 });
    heldOut = await demoCsv({ dir: tmp.dir, rows: 500, seed: 32 });
    const base: TrainOptions = { ...smallTrain({ client, name, path }), learners: ['logreg'] };
    await train(base);
    // A strict rule the candidate breaks: the gate at training leaves it @challenger.
    const candidate = await train({
      ...base,
      data: { ...base.data, seed: 8 },
      sensitive: ['home_ownership'],
      gate: { ...LENIENT, fairness: { maxDemographicParityDiff: 0.001 } },
    });
    expect(candidate).toMatchObject({ version: '2', decision: { promote: false } });
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  it('refuses a candidate by the rule its training recorded, though its metrics pass', async () => {
    const outcome = await promoteVersion({
      client,
      name,
      version: '2',
      data: heldOut,
      gate: LENIENT,
    });
    expect(outcome.promote).toBe(false);
    expect(outcome.reasons).toContainEqual(
      expect.stringMatching(
        /home_ownership demographic_parity_difference [\d.]+ breaks at most 0\.001/,
      ),
    );
    const champion = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(champion.version).toBe('1');
  });

  it('applies the rules given instead of the recorded ones', async () => {
    const outcome = await promoteVersion({
      client,
      name,
      version: '2',
      data: heldOut,
      gate: { ...LENIENT, fairness: { maxDemographicParityDiff: 0.99 } },
    });
    expect(outcome.reasons).toContainEqual(
      expect.stringMatching(
        /home_ownership demographic_parity_difference [\d.]+ meets at most 0\.99/,
      ),
    );
    expect(outcome.promote).toBe(true);
    const champion = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(champion.version).toBe('2');
  });
});
