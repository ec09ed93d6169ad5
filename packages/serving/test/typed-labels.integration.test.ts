/**
 * Acceptance (issue 12, item 7): labels have one type across /predict, /predict/batch,
 * /invocations and /v2, the training target's, on real served models: one trained on a text
 * target (good/bad, positive bad) and one on an integer target coded 1/2 (so a class index 0/1
 * cannot pass for the class). `mlflow models serve` answers the same labels for the same body
 * (both run the model's pyfunc loader), and unseen categories are reported on each route.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import {
  available,
  peerPython,
  repoRoot,
  runPythonJson,
  sampleRecords,
  servedModel,
  startMlflowServe,
  testConfig,
  wholeWhereLong,
  type Child,
} from './serving-fixtures.js';

const python = process.env['CHAMPION_MLFLOW_PYTHON'];
const run = available(
  "MLflow's Python (CHAMPION_MLFLOW_PYTHON)",
  python,
  'the jest global setup sets it when it provisions .venv-mlflow',
);

type Row = Record<string, unknown>;

interface Target {
  readonly classes: { readonly negative: string; readonly positive: string };
  /** The labels as the API must answer them, by label index. */
  readonly labels: readonly [string | number, string | number];
  readonly v2Datatype: string;
}

const TARGETS: Record<string, Target> = {
  'text (good/bad)': {
    classes: { negative: 'good', positive: 'bad' },
    labels: ['good', 'bad'],
    v2Datatype: 'BYTES',
  },
  'integer (1/2)': {
    classes: { negative: '1', positive: '2' },
    labels: [1, 2],
    v2Datatype: 'INT64',
  },
};

const UNSEEN = 'never-seen-in-training';
const tritonPython = peerPython('tritonclient.http');

async function post(
  url: string,
  body: { type: string; text: string },
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': body.type },
    body: body.text,
  });
  return { status: res.status, text: await res.text() };
}

async function postJson<T>(url: string, value: unknown): Promise<T> {
  const res = await post(url, { type: 'application/json', text: JSON.stringify(value) });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 500)}`);
  return JSON.parse(res.text) as T;
}

interface Invocations {
  predictions: { label: unknown; probability: number }[];
  warnings?: { row: number; field: string; problem: string }[];
}

interface V2Output {
  name: string;
  datatype: string;
  data: unknown[];
}

(run ? describe.each(Object.keys(TARGETS)) : describe.skip.each(Object.keys(TARGETS)))(
  'a model trained on a %s target',
  (targetName) => {
    const target = TARGETS[targetName] as Target;
    const name = uniqueName('labels');
    let client: MlflowClient;
    let tmp: { dir: string; cleanup: () => Promise<void> };
    let ours: RunningServer;
    let mlflow: Child | undefined;
    let mlflowUrl: string;
    let rows: Row[];
    /** The categorical feature that gets an unseen category in row 1. */
    let categorical: string;
    let expected: (string | number)[];

    beforeAll(async () => {
      client = integrationClient();
      tmp = await tempDir('labels');
      await trainChampion({ client, name, dir: tmp.dir, classes: target.classes });
      ours = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
      const model = await servedModel(ours.host);
      categorical = model.features.find((f) => f.type === 'categorical')?.name ?? '';
      rows = await wholeWhereLong(sampleRecords(model, 20), model.dir);
      rows[1] = { ...rows[1], [categorical]: UNSEEN };
      const predicted = await postJson<{ label_index: 0 | 1 }[]>(`${ours.url}/predict`, rows);
      expected = predicted.map((p) => target.labels[p.label_index]);
      ({ child: mlflow, url: mlflowUrl } = await startMlflowServe({
        python: python ?? '',
        modelUri: `models:/${name}@champion`,
      }));
    }, 300_000);
    afterAll(async () => {
      mlflow?.kill();
      await ours.shutdown();
      await client.close();
      await tmp.cleanup();
    });

    it('scores both classes in the sample (so the label checks mean something)', () => {
      expect(new Set(expected)).toEqual(new Set(target.labels));
    });

    it('answers the typed label on /predict and /predict/batch (JSON lines and CSV)', async () => {
      const predict = await postJson<{ label: unknown }[]>(`${ours.url}/predict`, rows);
      expect(predict.map((p) => p.label)).toEqual(expected);
      const ndjson = rows.map((r) => JSON.stringify(r)).join('\n');
      const batch = await post(`${ours.url}/predict/batch`, {
        type: 'application/x-ndjson',
        text: ndjson,
      });
      const lines = batch.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { label: unknown });
      expect(lines.map((l) => l.label)).toEqual(expected);
      const csv = await fetch(`${ours.url}/predict/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', accept: 'text/csv' },
        body: ndjson,
      });
      const [header = '', ...csvRows] = (await csv.text()).trim().split('\n');
      const column = header.split(',').indexOf('label');
      expect(csvRows.map((r) => r.split(',')[column])).toEqual(expected.map(String));
    });

    it('answers the typed label on /invocations, as mlflow models serve does for the same body', async () => {
      const columns = Object.keys(rows[0] ?? {});
      const body = {
        dataframe_split: { columns, data: rows.map((r) => columns.map((c) => r[c])) },
      };
      const [mine, theirs] = await Promise.all([
        postJson<Invocations>(`${ours.url}/invocations`, body),
        postJson<Invocations>(`${mlflowUrl}/invocations`, body),
      ]);
      expect(mine.predictions.map((p) => p.label)).toEqual(expected);
      expect(theirs.predictions.map((p) => p.label)).toEqual(expected);
      mine.predictions.forEach((p, i) =>
        expect(p.probability).toBeCloseTo(theirs.predictions[i]?.probability ?? NaN, 6),
      );
      // The unseen category is reported beside the predictions, which stay MLflow's.
      expect(mine.warnings).toEqual([
        { row: 1, field: categorical, problem: expect.stringContaining(UNSEEN) as string },
      ]);
      expect(Object.keys(theirs)).toEqual(['predictions']);
    });

    it('answers the typed label on /v2, in the datatype the model metadata announces', async () => {
      const model = await servedModel(ours.host);
      const inputs = model.features.map((f) => ({
        name: f.name,
        datatype: f.type === 'numeric' ? 'FP32' : 'BYTES',
        shape: [rows.length],
        data: rows.map((r) => r[f.name] ?? (f.type === 'numeric' ? null : '')),
      }));
      const res = await postJson<{ outputs: V2Output[]; parameters?: { warnings?: string } }>(
        `${ours.url}/v2/models/${name}/infer`,
        { inputs },
      );
      const label = res.outputs.find((o) => o.name === 'label');
      expect(label?.datatype).toBe(target.v2Datatype);
      expect(label?.data).toEqual(expected);
      const metadata = (await (await fetch(`${ours.url}/v2/models/${name}`)).json()) as {
        outputs: V2Output[];
      };
      expect(metadata.outputs.find((o) => o.name === 'label')?.datatype).toBe(target.v2Datatype);
      expect(JSON.parse(res.parameters?.warnings ?? '[]')).toEqual([
        { row: 1, field: categorical, problem: expect.stringContaining(UNSEEN) as string },
      ]);
    });

    (tritonPython === undefined ? it.skip : it).each(['0', '1'])(
      'gives tritonclient[http] the typed label (binary tensors: %s)',
      async (binary) => {
        const rowsPath = join(tmp.dir, 'rows.json');
        await writeFile(rowsPath, JSON.stringify(rows));
        const script = join(repoRoot(), 'packages/serving/test/python/triton_peer.py');
        const address = ours.url.replace(/^http:\/\//, '');
        const result = await runPythonJson<{ labelDatatype: string; label: unknown[] }>({
          python: tritonPython ?? '',
          args: [script, address, name, rowsPath, binary],
        });
        expect(result.labelDatatype).toBe(target.v2Datatype);
        expect(result.label).toEqual(expected);
      },
    );
  },
);
