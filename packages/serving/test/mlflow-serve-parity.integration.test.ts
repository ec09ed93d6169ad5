/**
 * Acceptance: /invocations is a drop-in for `mlflow models serve`. The same rows in each of
 * MLflow's documented request formats get the predictions MLflow's own server gives for the same
 * registered model.
 */
import { delimiter, dirname, join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { freePort, integrationClient, trainChampion, uniqueName } from './mlflow-fixtures.js';
import { tempDir } from './model-fixtures.js';
import {
  available,
  sampleRecords,
  spawnChild,
  testConfig,
  waitFor200,
  type Child,
  servedModel,
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
    rows = sampleRecords(await servedModel(ours.host), 25);
    const port = await freePort();
    mlflowUrl = `http://127.0.0.1:${port}`;
    mlflow = spawnChild({
      command: join(dirname(python ?? ''), 'mlflow'),
      args: [
        ...['models', 'serve', '-m', `models:/${name}@champion`, '--env-manager', 'local'],
        ...['--host', '127.0.0.1', '--port', String(port)],
      ],
      // MLflow execs `uvicorn` through bash: the venv's bin must come first on PATH.
      env: {
        MLFLOW_TRACKING_URI: process.env['MLFLOW_TRACKING_URI'] ?? '',
        PATH: `${dirname(python ?? '')}${delimiter}${process.env['PATH'] ?? ''}`,
      },
    });
    await waitFor200({ url: `${mlflowUrl}/ping`, timeoutMs: 150_000, why: mlflow.output });
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
      if (!request) throw new Error(format);
      const [theirs, mine] = await Promise.all([
        invoke(mlflowUrl, request),
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
