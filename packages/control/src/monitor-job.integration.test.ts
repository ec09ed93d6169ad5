/**
 * A monitoring job against a real MLflow: a champion trained through the control service, served
 * records of it in the inference store (the one the service's environment names), then
 * `POST /jobs/monitor` with the key runs a real `champion monitor run`: the job ends `succeeded`
 * with the monitoring run's id and decision, and that run is in MLflow's monitoring experiment.
 */
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, type MlflowClient } from 'mlflow-js-client';
import { cellText, synthesize, SYNTH_ID, SYNTH_TARGET, writeSynthCsv } from '@champion/tabular';
import {
  MONITORING_RUN_TAGS,
  monitoringExperiment,
  openInferenceStore,
} from '@champion/inference-store';
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import { controlConfigFromEnv } from './config.js';
import { LocalExecutor } from './executors/local.js';
import { startControl, type RunningControl } from './server.js';

const ROOT = path.resolve(__dirname, '../../..');
const CHAMPION = [
  process.execPath,
  '--import',
  'tsx',
  '--conditions=@champion/source',
  path.join(ROOT, 'packages/cli/src/main.ts'),
];
const KEY = 'test-key-5678';
const dir = mkdtempSync(path.join(tmpdir(), 'champion-control-monitor-'));
const STORE = path.join(dir, 'store');
const FAST = 'target=default&id-cols=id&learners=logreg&candidates=1&folds=2&time-budget=30';

interface JobView {
  id: string;
  status: string;
  mlflowRunId?: string;
  result?: { name: string; version: string | null; gate: string | null };
  output?: { run_id?: string | null; decision?: { action: string } };
  progress?: { stage: string };
  error?: string;
}

let client: MlflowClient;
let control: RunningControl;

beforeAll(async () => {
  client = integrationClient();
  const executor = new LocalExecutor({
    command: CHAMPION,
    // The service's environment names the inference store its monitoring jobs read.
    env: { ...process.env, CHAMPION_INFERENCE_STORE: STORE },
    killGraceMs: 20_000,
    logger: silentLogger,
  });
  control = await startControl({
    config: controlConfigFromEnv({
      CHAMPION_API_KEY: KEY,
      CHAMPION_CONTROL_DATA_DIR: path.join(dir, 'control'),
      PORT: '0',
    }),
    executor,
    client,
    logger: silentLogger,
    defaultMetrics: false,
  });
});

afterAll(async () => {
  await control.close();
  await client.close();
});

async function post(route: string, init: { type: string; body: string }): Promise<JobView> {
  const res = await fetch(`${control.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': init.type, authorization: `Bearer ${KEY}` },
    body: init.body,
  });
  expect(res.status).toBe(202);
  return (await res.json()) as JobView;
}

async function finished(id: string, timeoutMs = 180_000): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await fetch(`${control.url}/jobs/${id}`)).json()) as JobView;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `rows` served records of version 1 of `name`, as serving writes them. */
async function serveRecords(name: string, rows: number): Promise<void> {
  const table = synthesize({ rows, seed: 9 });
  const features = table.columns.filter((c) => c.name !== SYNTH_ID && c.name !== SYNTH_TARGET);
  const store = await openInferenceStore({ setting: STORE });
  store.append(
    Array.from({ length: rows }, (_, row) => ({
      requestId: `mon-${row}`,
      model: name,
      version: '1',
      features: Object.fromEntries(
        features.map((c) => {
          const text = cellText(c, row);
          return [c.name, text === '' ? null : c.kind === 'numeric' ? Number(text) : text];
        }),
      ),
      probability: 0.3,
      label: '0',
      classes: ['0', '1'] as const,
    })),
  );
  await store.close();
}

it('runs a real monitoring pass: succeeded, and its monitoring run is in MLflow', async () => {
  const name = uniqueName('ctl-monitor');
  const csv = path.join(dir, 'train.csv');
  await writeSynthCsv({ rows: 600, seed: 3, out: csv });
  const trained = await post(`/jobs/train?${FAST}&name=${name}`, {
    type: 'text/csv',
    body: await readFile(csv, 'utf8'),
  });
  expect(await finished(trained.id)).toMatchObject({
    status: 'succeeded',
    result: { version: '1' },
  });
  await serveRecords(name, 300);

  const { id } = await post('/jobs/monitor', {
    type: 'application/json',
    body: JSON.stringify({ name }),
  });
  const job = await finished(id);
  expect(job).toMatchObject({ status: 'succeeded', result: { name } });
  const runId = job.output?.run_id;
  if (typeof runId !== 'string') throw new Error(`no monitoring run: ${JSON.stringify(job)}`);
  expect(job.mlflowRunId).toBe(runId);
  expect(job.progress?.stage).toEqual(expect.any(String));

  const run = await client.runs.get(runId);
  expect(run.info.status).toBe('FINISHED');
  const experiment = await client.experiments.getByName(monitoringExperiment(name));
  expect(run.info.experiment_id).toBe(experiment.experiment_id);
  const tags = new Map(run.data.tags.map((t) => [t.key, t.value]));
  expect(tags.get(MONITORING_RUN_TAGS.modelVersion)).toBe('1');
  expect(tags.get(MONITORING_RUN_TAGS.action)).toBe(job.output?.decision?.action);
  const metrics = new Map(run.data.metrics.map((m) => [m.key, m.value]));
  expect(metrics.get('window_rows')).toBe(300);
}, 400_000);
