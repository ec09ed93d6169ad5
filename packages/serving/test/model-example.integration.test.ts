/**
 * Acceptance (issue 11, item 5): a model trained with the defaults publishes a synthetic input
 * example (no row of the training file) that MLflow itself loads and scores (pyfunc, and
 * `validate_serving_input`, which is what `mlflow models serve` accepts), and serving's
 * /model/example is that example, which /predict accepts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { available, repoRoot, runPythonJson, servedModel, testConfig } from './serving-fixtures.js';

const python = process.env['CHAMPION_MLFLOW_PYTHON'];
const run = available('MLflow Python', python, 'the jest global setup sets CHAMPION_MLFLOW_PYTHON');

interface MlflowView {
  columns: string[];
  rows: unknown[][];
  probabilities: number[];
  serving_probabilities: number[];
}

(run ? describe : describe.skip)('the synthetic input example', () => {
  const name = uniqueName('example');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let mlflow: MlflowView;
  let training: Record<string, string>[];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('example');
    const { version } = await trainChampion({ client, name, dir: tmp.dir });
    training = parse<Record<string, string>>(await readFile(join(tmp.dir, 'train.csv'), 'utf8'), {
      columns: true,
    });
    mlflow = await runPythonJson<MlflowView>({
      python: python ?? '',
      args: [
        join(repoRoot(), 'packages/serving/test/python/input_example_check.py'),
        `models:/${name}/${version}`,
      ],
      timeoutMs: 170_000,
    });
    server = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    await servedModel(server.host);
  }, 240_000);
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it('is one record MLflow loads and scores, through pyfunc and as a serving input', () => {
    expect(mlflow.rows).toHaveLength(1);
    expect(mlflow.probabilities).toHaveLength(1);
    expect(mlflow.probabilities[0]).toBeGreaterThanOrEqual(0);
    expect(mlflow.probabilities[0]).toBeLessThanOrEqual(1);
    expect(mlflow.serving_probabilities[0]).toBeCloseTo(mlflow.probabilities[0] ?? NaN, 6);
  });

  it('is no row of the training file', () => {
    const example = mlflow.rows[0] ?? [];
    const matches = training.filter((row) =>
      mlflow.columns.every((column, i) => {
        const value = example[i];
        const cell = row[column] ?? '';
        return typeof value === 'number'
          ? cell !== '' && Number(cell) === value
          : (value ?? '') === cell;
      }),
    );
    expect(matches).toEqual([]);
  });

  it('is what serving answers on /model/example, and /predict accepts it', async () => {
    const served = (await (await fetch(`${server.url}/model/example`)).json()) as Record<
      string,
      unknown
    >[];
    expect(served).toHaveLength(1);
    const record = served[0] ?? {};
    mlflow.columns.forEach((column, i) => {
      const value = mlflow.rows[0]?.[i];
      // pandas prints floats to 15 significant digits (9.935 → 9.934999999999999).
      if (typeof value === 'number') expect(record[column]).toBeCloseTo(value, 9);
      else expect(record[column]).toEqual(value ?? null);
    });
    const res = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { probability: number };
    expect(body.probability).toBeCloseTo(mlflow.probabilities[0] ?? NaN, 5);
  });
});
