/**
 * Acceptance (issue 15, explanations): on the champion trained on the UCI credit data (gbdt),
 * served by a real server (MLflow, onnxruntime), `POST /explain` for 200 held-out rows names
 * every feature exactly once and `base_value + Σ contributions = logit(probability)` within
 * 1e-6, where `probability` is /explain's double-precision probability; that probability is
 * /predict's (float32, onnxruntime) within 1e-6, and the identity holds within 1e-6 against
 * /predict's float32 probability too. A model trained before explanations still
 * serves: /explain answers 409 EXPLANATIONS_UNAVAILABLE and /predict?explain=true says why.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { train } from '@champion/trainer';
import {
  integrationClient,
  registerDir,
  tempDir,
  uniqueName,
  writeFixtureModelDir,
} from '@champion/trainer/test-support';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { repoRoot, sampleRecords, servedModel, testConfig } from './serving-fixtures.js';

const TRAIN_ROWS = 4000;
const HELD_OUT = 200;
const TOLERANCE = 1e-6;

interface Explained {
  base_value: number;
  contributions: Record<string, number>;
  log_odds: number;
  probability: number;
  label: number | string;
}

const logit = (p: number): number => Math.log(p / (1 - p));

async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The UCI file split: the first TRAIN_ROWS rows to train on, the next HELD_OUT as records. */
async function uciSplit(
  dir: string,
): Promise<{ trainCsv: string; heldOut: string[][]; names: string[] }> {
  const text = await readFile(join(repoRoot(), 'data', 'uci_credit_default.csv'), 'utf8');
  const [header = '', ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const trainCsv = join(dir, 'uci-train.csv');
  await writeFile(trainCsv, [header, ...lines.slice(0, TRAIN_ROWS)].join('\n') + '\n');
  const cells = (l: string): string[] => l.split(',').map((c) => c.replace(/"/g, ''));
  const heldOut = lines.slice(TRAIN_ROWS, TRAIN_ROWS + HELD_OUT).map(cells);
  return { trainCsv, heldOut, names: cells(header) };
}

describe('explanations of the UCI champion through a real server', () => {
  const name = uniqueName('explain-uci');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let records: Record<string, number | string>[];
  let featureNames: string[];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('explain-uci');
    const split = await uciSplit(tmp.dir);
    const summary = await train({
      client,
      name,
      data: {
        path: split.trainCsv,
        target: 'default.payment.next.month',
        positive: '1',
        idColumns: ['ID'],
        seed: 3,
      },
      learners: ['gbdt'],
      candidates: 1,
      folds: 2,
      timeBudgetSeconds: 30,
    });
    await client.registry.aliases.set({ name, alias: 'champion' }, summary.version ?? '1');
    server = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    const model = await servedModel(server.host);
    featureNames = model.features.map((f) => f.name);
    records = split.heldOut.map((row) =>
      Object.fromEntries(
        model.features.map((f) => {
          const text = row[split.names.indexOf(f.name)] ?? '';
          return [f.name, f.type === 'numeric' ? Number(text) : text];
        }),
      ),
    );
  }, 300_000);
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it('names every feature once and adds up to logit(probability) within 1e-6 on 200 held-out rows', async () => {
    const explained = await post(`${server.url}/explain`, records);
    expect(explained.status).toBe(200);
    const { explanations } = explained.body as { explanations: Explained[] };
    expect(explanations).toHaveLength(HELD_OUT);
    const predicted = await post(`${server.url}/predict`, records);
    const predictions = predicted.body as { probability: number; label: number | string }[];
    let worstIdentity = 0;
    let worstVsPredict = 0;
    let worstVsFloat32 = 0;
    explanations.forEach((e, i) => {
      expect(Object.keys(e.contributions).sort()).toEqual([...featureNames].sort());
      const sum = Object.values(e.contributions).reduce((a, b) => a + b, e.base_value);
      worstIdentity = Math.max(worstIdentity, Math.abs(sum - logit(e.probability)));
      const served = predictions[i]?.probability ?? NaN;
      worstVsPredict = Math.max(worstVsPredict, Math.abs(e.probability - served));
      worstVsFloat32 = Math.max(worstVsFloat32, Math.abs(sum - logit(served)));
      expect(e.label).toBe(predictions[i]?.label);
    });
    console.info(
      `UCI champion, ${HELD_OUT} rows: max |base + Σ − logit(p)| = ${worstIdentity}; max |p(/explain) − p(/predict)| = ${worstVsPredict}; max |base + Σ − logit(float32 p of /predict)| = ${worstVsFloat32}`,
    );
    expect(worstIdentity).toBeLessThanOrEqual(TOLERANCE);
    expect(worstVsPredict).toBeLessThanOrEqual(TOLERANCE);
    // onnxruntime's own float32 probability fits too (its raw score is summed in double).
    expect(worstVsFloat32).toBeLessThanOrEqual(TOLERANCE);
    // The explanations say something: contributions differ from zero and between rows.
    const values = explanations.flatMap((e) => Object.values(e.contributions));
    expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.05);
  });

  it('says on GET /model that the model explains by TreeSHAP', async () => {
    const info = (await (await fetch(`${server.url}/model`)).json()) as { explanations: unknown };
    expect(info.explanations).toEqual({ available: true, method: 'tree_shap' });
  });

  it('gives /predict?explain=true the explanation /explain gives', async () => {
    const slice = records.slice(0, 5);
    const withExplain = await post(`${server.url}/predict?explain=true`, slice);
    const explained = await post(`${server.url}/explain`, slice);
    const a = (withExplain.body as { explanation: Explained }[]).map((p) => p.explanation);
    const b = (explained.body as { explanations: Explained[] }).explanations;
    a.forEach((e, i) => {
      expect(e.contributions).toEqual(b[i]?.contributions);
      expect(e.base_value).toBe(b[i]?.base_value);
    });
  });
});

describe('a model trained before explanations', () => {
  const name = uniqueName('explain-old');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('explain-old');
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model'), explainer: false });
    const experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
    await client.registry.models.getOrCreate({ name });
    const version = await registerDir({ client, name, experimentId, dir });
    await client.registry.aliases.set({ name, alias: 'champion' }, version);
    server = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
  }, 180_000);
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it('still scores, answers /explain with 409 and says why on /predict?explain=true', async () => {
    const model = await servedModel(server.host);
    const [record] = sampleRecords(model, 1);
    const predicted = await post(`${server.url}/predict`, record);
    expect(predicted.status).toBe(200);
    const explained = await post(`${server.url}/explain`, record);
    expect(explained.status).toBe(409);
    const error = (explained.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('EXPLANATIONS_UNAVAILABLE');
    expect(error.message).toContain('champion/explainer.json');
    const info = (await (await fetch(`${server.url}/model`)).json()) as { explanations: unknown };
    expect(info.explanations).toEqual({
      available: false,
      reason: expect.stringContaining('champion/explainer.json'),
    });
    const withExplain = await post(`${server.url}/predict?explain=true`, record);
    expect(withExplain.status).toBe(200);
    expect(withExplain.body).toMatchObject({
      probability: (predicted.body as { probability: number }).probability,
      explanation: null,
      explanation_unavailable: expect.stringContaining('champion/explainer.json'),
    });
  });
});
