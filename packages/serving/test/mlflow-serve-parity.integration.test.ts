/**
 * Acceptance: /invocations is a drop-in for `mlflow models serve`. The same rows in each of
 * MLflow's documented request formats get the predictions MLflow's own server gives for the same
 * registered model.
 */
import { delimiter, dirname, join } from 'node:path';
import { readMLmodel, type MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import { freePort, integrationClient, trainChampion, uniqueName } from './mlflow-fixtures.js';
import { tempDir } from '@champion/trainer/test-support';
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

/**
 * The rows with whole numbers in the columns the signature types `long` (integer columns of the
 * training file): MLflow casts a JSON fraction there to int64 (30.25 -> 30) and would score a
 * different row than champion.
 */
async function wholeWhereLong(rows: readonly Row[], modelDir: string): Promise<Row[]> {
  const mlmodel = await readMLmodel(join(modelDir, 'MLmodel'));
  const inputs = JSON.parse(mlmodel.signature?.inputs ?? '[]') as { name: string; type: string }[];
  const longs = inputs.filter((c) => c.type === 'long').map((c) => c.name);
  const whole = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v) : v);
  return rows.map((r) => ({ ...r, ...Object.fromEntries(longs.map((c) => [c, whole(r[c])])) }));
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
