/**
 * Acceptance (issue 12, "a drop-in for `mlflow models serve`"): MLflow's own
 * `ScoringServerClient` pointed at `champion serve` (the CLI, as a child process): its
 * `wait_server_ready()` polls `GET /ping` while the server starts and succeeds, and `invoke(df)`
 * on a plain `pd.read_csv` frame (text categories, missing values sent as Python's NaN, whole
 * numbers) returns the probabilities `mlflow.pyfunc.load_model(...).predict(df)` gives, within
 * 1e-6.
 */
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { SERVER_VERSION } from '../src/http/version.js';
import {
  eventually,
  freePort,
  integrationClient,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { available, repoRoot, spawnChild, type Child } from './serving-fixtures.js';

const python = process.env['CHAMPION_MLFLOW_PYTHON'];
const run = available(
  "MLflow's Python (CHAMPION_MLFLOW_PYTHON)",
  python,
  'the jest global setup sets it when it provisions .venv-mlflow',
);
const TOLERANCE = 1e-6;
const script = join(
  repoRoot(),
  'packages',
  'serving',
  'test',
  'python',
  'scoring_server_client.py',
);

interface ClientResult {
  version: string;
  waitedSeconds: number;
  rows: number;
  missingCells: number;
  servedRows: number;
  pyfuncRows: number;
  worstDifference: number | null;
  labelMismatches: number;
}

function lastJsonLine(output: string): string {
  const line = output
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (line === undefined) throw new Error(`no JSON result: ${output}`);
  return line;
}

(run ? describe : describe.skip)("MLflow's ScoringServerClient against champion serve", () => {
  const name = uniqueName('scoring-client');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: Child | undefined;
  let pythonChild: Child | undefined;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('scoring-client');
    await trainChampion({ client, name, dir: tmp.dir });
  }, 240_000);
  afterAll(async () => {
    pythonChild?.kill();
    serve?.kill();
    await client.close();
    await tmp.cleanup();
  });

  it('waits on /ping, then invoke(df) gives pyfunc’s probabilities within 1e-6', async () => {
    const csv = join(tmp.dir, 'test.csv');
    await writeSynthCsv({ rows: 300, seed: 23, out: csv });
    const port = await freePort();
    const waiting = spawnChild({
      command: python ?? '',
      args: [script, '127.0.0.1', String(port), `models:/${name}@champion`, csv, '120'],
    });
    pythonChild = waiting;
    // The server starts only once the client waits on it: wait_server_ready sees it come up.
    await eventually(
      () =>
        waiting.output().includes('waiting for the server') || waiting.process.exitCode !== null,
      120_000,
    );
    serve = spawnChild({
      command: process.execPath,
      args: [
        ...['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts'],
        ...['serve', '--name', name, '--port', String(port)],
      ],
      env: {
        MLFLOW_TRACKING_URI: process.env['MLFLOW_TRACKING_URI'] ?? '',
        CHAMPION_CACHE_DIR: join(tmp.dir, 'cache'),
        CHAMPION_INFERENCE_STORE: join(tmp.dir, 'log'),
      },
    });
    const code = await waiting.exited;
    const output = waiting.output();
    if (code !== 0)
      throw new Error(`the client exited ${code}: ${output}\nchampion serve: ${serve.output()}`);
    const result = JSON.parse(lastJsonLine(output)) as ClientResult;
    console.log(
      `ScoringServerClient: ready after ${result.waitedSeconds.toFixed(1)} s; ${result.rows} rows, ${result.missingCells} missing cells`,
    );
    expect(result.version).toBe(SERVER_VERSION);
    expect(result.rows).toBe(300);
    // The frame has missing values, which json.dumps sends as NaN.
    expect(result.missingCells).toBeGreaterThan(0);
    expect(result.servedRows).toBe(300);
    expect(result.pyfuncRows).toBe(300);
    console.log(`largest |invoke - pyfunc| = ${result.worstDifference}`);
    // null when a probability was missing (NaN) on either side.
    expect(result.worstDifference).toEqual(expect.any(Number));
    expect(result.worstDifference ?? NaN).toBeLessThanOrEqual(TOLERANCE);
    expect(result.labelMismatches).toBe(0);
  }, 300_000);
});
