/**
 * A champion trained with `--sensitive` and a fairness rule, retrained by the loop (real MLflow,
 * real trainer): the retraining records the same sensitive columns and rule, its registered model
 * holds `champion/fairness.json` for those columns, and the gate checked the rule.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fairnessReportSchema, FAIRNESS_PARAMS, train } from '@champion/trainer';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import type { MlflowClient } from 'mlflow-js-client';
import { writeSynthCsv } from '@champion/tabular';
import { parsePolicy, runMonitor } from '../src/index.js';
import { FakePorts, syntheticRows } from './fake-ports.js';

const FAST = { learners: ['logreg'], candidates: 1, folds: 2, timeBudgetSeconds: 60 };
const SENSITIVE = ['home_ownership', 'region'];

let client: MlflowClient;
let dir: string;

beforeAll(async () => {
  client = integrationClient();
  dir = await mkdtemp(join(tmpdir(), 'champion-loop-fair-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await client.close();
});

it("retrains with the champion's sensitive columns and fairness rule", async () => {
  const name = uniqueName('loop-fair');
  const csv = join(dir, 'train.csv');
  await writeSynthCsv({ rows: 1500, seed: 5, out: csv });
  await train({
    client,
    name,
    data: { path: csv, target: 'default', idColumns: ['id'], seed: 7 },
    ...FAST,
    learners: ['logreg'],
    sensitive: SENSITIVE,
    gate: {
      primaryMetric: 'roc_auc',
      margin: 0,
      floors: {},
      fairness: { maxDemographicParityDiff: 0.99 },
    },
  });
  const ports = new FakePorts([
    await syntheticRows({ out: join(dir, 'p1.csv'), rows: 400, seed: 11, start: Date.now() }),
  ]);
  const policy = parsePolicy(
    { retrain: { ...FAST, minLabels: 50, dataDir: join(dir, 'retraining') }, gate: { margin: -1 } },
    'test policy',
  );
  const result = await runMonitor({ client, name, policy, ports, force: true });
  const version = result.decision.version;
  if (version === null) throw new Error(`nothing retrained: ${JSON.stringify(result.decision)}`);

  const run = await client.runs.get(result.decision.training_run_id ?? '');
  const params = new Map(run.data.params.map((p) => [p.key, p.value]));
  expect(params.get(FAIRNESS_PARAMS.sensitive)).toBe(SENSITIVE.join(','));
  expect(params.get(FAIRNESS_PARAMS.maxDemographicParityDiff)).toBe('0.99');
  expect(result.decision.gate_reasons).toContainEqual(
    expect.stringMatching(
      /fairness: home_ownership demographic_parity_difference [\d.]+ meets at most 0\.99$/,
    ),
  );

  const model = join(dir, 'model');
  await client.resolveModelUri(`models:/${name}/${version}`, model);
  const report = fairnessReportSchema.parse(
    JSON.parse(await readFile(join(model, 'champion', 'fairness.json'), 'utf8')),
  );
  expect(Object.keys(report.sensitive).sort()).toEqual([...SENSITIVE].sort());
}, 300_000);
