/**
 * Acceptance (issue 12, "pyfunc that just works"): what an MLflow user types first works
 * unchanged on a plain CSV, with pandas 2 (the project venv) and pandas 3 (what `pip install
 * mlflow` brings): `mlflow.pyfunc.load_model("models:/NAME@champion").predict(pd.read_csv(p))`
 * and `mlflow models predict -i test.csv -t csv`, on credit_data (text categories, missing
 * values, whole numbers) and uci_credit_default (whole numbers only), with the probabilities
 * champion's own `/predict` gives, within 1e-6. Both data sets ship in the repository's data/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { train } from '@champion/trainer';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import {
  available,
  repoRoot,
  runPythonJson,
  servedModel,
  spawnChild,
  testConfig,
} from './serving-fixtures.js';

interface DataSet {
  /** A file of DATA_DIR. */
  readonly file: string;
  readonly target: string;
  readonly positive: string;
  readonly idColumns: readonly string[];
  /** Data rows read from the file (the rest is left out to keep training fast). */
  readonly rows: number;
  /** Rows missing one of these columns all go to the test file, so it has missing categories. */
  readonly missingInTest: readonly string[];
}

const REAL_SETS: Record<string, DataSet> = {
  credit_data: {
    file: 'credit_data.csv',
    target: 'Status',
    positive: 'bad',
    idColumns: ['rownames'],
    rows: 4454,
    missingInTest: ['Home', 'Job', 'Marital'],
  },
  uci_credit_default: {
    file: 'uci_credit_default.csv',
    target: 'default.payment.next.month',
    positive: '1',
    idColumns: ['ID'],
    rows: 3000,
    missingInTest: [],
  },
};

// The public data sets ship in the repository's data/.
const DATA_DIR = join(repoRoot(), 'data');
const DATA_SETS = REAL_SETS;
const TOLERANCE = 1e-6;

const pythons = {
  'pandas 2': process.env['CHAMPION_MLFLOW_PYTHON'],
  'pandas 3': process.env['CHAMPION_PANDAS3_PYTHON'],
};
const run =
  available(
    "MLflow's Python with pandas 2 (CHAMPION_MLFLOW_PYTHON)",
    pythons['pandas 2'],
    'the jest global setup sets it',
  ) &&
  available(
    'MLflow with pandas 3 (CHAMPION_PANDAS3_PYTHON)',
    pythons['pandas 3'],
    'the jest global setup builds .venv-pandas3',
  );

const script = join(repoRoot(), 'packages', 'serving', 'test', 'python', 'pyfunc_read_csv.py');

/** Header and data lines of a CSV without quoted commas (both data sets). */
function splitLines(text: string): { header: string; lines: string[] } {
  const [header = '', ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  return { header, lines };
}

const cells = (line: string): string[] => line.split(',').map((c) => c.replace(/^"|"$/g, ''));

/** Every fifth row and the rows missing a listed column are the test file; the rest trains. */
async function writeSplit(options: {
  set: DataSet;
  dir: string;
}): Promise<{ trainCsv: string; testCsv: string }> {
  const { set, dir } = options;
  const source = join(DATA_DIR, set.file);
  const { header, lines } = splitLines(await readFile(source, 'utf8'));
  const names = cells(header);
  const watched = set.missingInTest.map((c) => names.indexOf(c));
  const isTest = (line: string, i: number): boolean =>
    i % 5 === 0 || watched.some((c) => cells(line)[c] === '');
  const used = lines.slice(0, set.rows);
  const trainCsv = join(dir, 'train.csv');
  const testCsv = join(dir, 'test.csv');
  await writeFile(trainCsv, [header, ...used.filter((l, i) => !isTest(l, i))].join('\n') + '\n');
  await writeFile(testCsv, [header, ...used.filter((l, i) => isTest(l, i))].join('\n') + '\n');
  return { trainCsv, testCsv };
}

/** The test file as /predict records: numbers for numeric features, text for categories. */
async function records(options: {
  csv: string;
  numeric: ReadonlySet<string>;
  features: readonly string[];
}): Promise<Record<string, number | string | null>[]> {
  const { header, lines } = splitLines(await readFile(options.csv, 'utf8'));
  const names = cells(header);
  return lines.map((line) => {
    const row = cells(line);
    return Object.fromEntries(
      options.features.map((name) => {
        const text = row[names.indexOf(name)] ?? '';
        if (text === '') return [name, null];
        return [name, options.numeric.has(name) ? Number(text) : text];
      }),
    );
  });
}

async function championProbabilities(url: string, body: unknown[]): Promise<number[]> {
  const res = await fetch(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/predict: ${res.status} ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { probability: number }[]).map((p) => p.probability);
}

/** `mlflow models predict -t csv --env-manager local` with the venv's own mlflow. */
async function mlflowModelsPredict(options: {
  python: string;
  modelUri: string;
  csv: string;
  out: string;
}): Promise<number[]> {
  const bin = dirname(options.python);
  const child = spawnChild({
    command: join(bin, 'mlflow'),
    args: [
      ...['models', 'predict', '-m', options.modelUri, '-i', options.csv, '-t', 'csv'],
      ...['-o', options.out, '--env-manager', 'local'],
    ],
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` },
  });
  const code = await child.exited;
  if (code !== 0) throw new Error(`mlflow models predict exited ${code}: ${child.output()}`);
  const parsed = JSON.parse(await readFile(options.out, 'utf8')) as {
    predictions: { probability: number }[];
  };
  return parsed.predictions.map((p) => p.probability);
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  const worst = Math.max(...actual.map((p, i) => Math.abs(p - (expected[i] ?? NaN))));
  expect(worst).toBeLessThanOrEqual(TOLERANCE);
}

(run ? describe : describe.skip).each(Object.keys(DATA_SETS))(
  'a model trained on %s',
  (setName) => {
    const set = DATA_SETS[setName] as DataSet;
    const name = uniqueName(`pyfunc-${setName.replace(/_/g, '-')}`);
    const modelUri = `models:/${name}@champion`;
    let client: MlflowClient;
    let tmp: { dir: string; cleanup: () => Promise<void> };
    let ours: RunningServer;
    let testCsv: string;
    let champion: number[];

    beforeAll(async () => {
      client = integrationClient();
      tmp = await tempDir('pyfunc');
      const split = await writeSplit({ set, dir: tmp.dir });
      testCsv = split.testCsv;
      const summary = await train({
        client,
        name,
        data: {
          path: split.trainCsv,
          target: set.target,
          positive: set.positive,
          idColumns: [...set.idColumns],
          seed: 3,
        },
        candidates: 1,
        folds: 2,
        timeBudgetSeconds: 30,
      });
      await client.registry.aliases.set({ name, alias: 'champion' }, summary.version ?? '1');
      ours = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
      const model = await servedModel(ours.host);
      const body = await records({
        csv: testCsv,
        features: model.features.map((f) => f.name),
        numeric: new Set(model.features.filter((f) => f.type === 'numeric').map((f) => f.name)),
      });
      champion = await championProbabilities(ours.url, body);
    }, 240_000);
    afterAll(async () => {
      await ours.shutdown();
      await client.close();
      await tmp.cleanup();
    });

    it.each(Object.keys(pythons))(
      'mlflow.pyfunc.load_model(...).predict(pd.read_csv(test.csv)) under %s gives champion’s probabilities',
      async (which) => {
        const python = pythons[which as keyof typeof pythons] ?? '';
        const result = await runPythonJson<{ pandas: string; probability: number[] }>({
          python,
          args: [script, modelUri, testCsv],
        });
        expect(result.pandas.split('.')[0]).toBe(which.slice(-1));
        expectClose(result.probability, champion);
      },
      180_000,
    );

    it.each(Object.keys(pythons))(
      '`mlflow models predict -i test.csv -t csv` under %s gives champion’s probabilities',
      async (which) => {
        const python = pythons[which as keyof typeof pythons] ?? '';
        const out = join(tmp.dir, `predict-${which.replace(' ', '')}.json`);
        expectClose(await mlflowModelsPredict({ python, modelUri, csv: testCsv, out }), champion);
      },
      180_000,
    );
  },
);
