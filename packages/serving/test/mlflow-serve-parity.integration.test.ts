/**
 * Acceptance: /invocations is a drop-in for `mlflow models serve`. The same rows in each of
 * MLflow's documented request formats get the predictions MLflow's own server gives for the same
 * registered model.
 */
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { integrationClient, trainChampion, uniqueName } from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import {
  available,
  sampleRecords,
  startMlflowServe,
  testConfig,
  type Child,
  servedModel,
  wholeWhereLong,
} from './serving-fixtures.js';

const python = process.env['CHAMPION_MLFLOW_PYTHON'];
const run = available(
  "MLflow's Python (CHAMPION_MLFLOW_PYTHON)",
  python,
  'the jest global setup sets it when it provisions .venv-mlflow',
);

type Row = Record<string, unknown>;
interface Request {
  readonly contentType: string;
  readonly body: string;
}

/** The same rows in each format MLflow's scoring server documents. */
function formats(rows: readonly Row[]): Record<string, Request> {
  const columns = Object.keys(rows[0] ?? {});
  const json = (value: unknown): Request => ({
    contentType: 'application/json',
    body: JSON.stringify(value),
  });
  const csvCell = (v: unknown): string => (typeof v === 'number' ? v.toFixed(4) : String(v));
  return {
    dataframe_split: json({
      dataframe_split: { columns, data: rows.map((r) => columns.map((c) => r[c])) },
    }),
    dataframe_records: json({ dataframe_records: rows }),
    instances: json({ instances: rows }),
    inputs: json({ inputs: Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c])])) }),
    'text/csv': {
      contentType: 'text/csv',
      body: [
        columns.join(','),
        ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(',')),
      ].join('\n'),
    },
  };
}

interface Predictions {
  predictions: { probability: number; label: number }[];
}

async function invoke(url: string, request: Request): Promise<Predictions> {
  const res = await fetch(`${url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': request.contentType },
    body: request.body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as Predictions;
}

(run ? describe : describe.skip)('/invocations compared with mlflow models serve', () => {
  const name = uniqueName('parity');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let ours: RunningServer;
  let mlflow: Child;
  let mlflowUrl: string;
  let rows: Row[];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('parity');
    await trainChampion({ client, name, dir: tmp.dir });
    ours = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    const model = await servedModel(ours.host);
    rows = await wholeWhereLong(sampleRecords(model, 25), model.dir);
    ({ child: mlflow, url: mlflowUrl } = await startMlflowServe({
      python: python ?? '',
      modelUri: `models:/${name}@champion`,
    }));
  }, 240_000);
  afterAll(async () => {
    mlflow.kill();
    await ours.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  it.each(['dataframe_split', 'dataframe_records', 'instances', 'inputs', 'text/csv'])(
    'gives the predictions MLflow gives for %s',
    async (format) => {
      const request = formats(rows)[format];
      // MLflow's server builds its CSV reader from the signature's pandas types and cannot for
      // the `any` columns champion's signatures have (docs/pyfunc.md): for text/csv, MLflow's
      // answer to the same rows as dataframe_split is the reference.
      const reference = format === 'text/csv' ? formats(rows)['dataframe_split'] : request;
      if (!request || !reference) throw new Error(format);
      const [theirs, mine] = await Promise.all([
        invoke(mlflowUrl, reference),
        invoke(ours.url, request),
      ]);
      expect(mine.predictions).toHaveLength(rows.length);
      expect(mine.predictions.map((p) => p.label)).toEqual(theirs.predictions.map((p) => p.label));
      mine.predictions.forEach((p, i) =>
        expect(p.probability).toBeCloseTo(theirs.predictions[i]?.probability ?? NaN, 6),
      );
    },
  );
});
