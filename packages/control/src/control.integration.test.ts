/**
 * The control service against a real MLflow, jobs run by the local executor as `champion`
 * child processes: an uploaded CSV trains to a registered version; no key, no target or a target
 * not in the file is refused and creates no job; cancelling a running training ends it
 * `cancelled` with its MLflow run KILLED and no version registered.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, type MlflowClient } from 'mlflow-js-client';
import { writeSynthCsv } from '@champion/tabular';
import { FAIRNESS_PARAMS, fairnessReportSchema } from '@champion/trainer';
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
const KEY = 'test-key-1234';
const dir = mkdtempSync(path.join(tmpdir(), 'champion-control-'));
const csv = path.join(dir, 'loans.csv');
const FAST = 'target=default&id-cols=id&learners=logreg&candidates=1&folds=2&time-budget=30';

let client: MlflowClient;
let control: RunningControl;

interface JobView {
  id: string;
  status: string;
  mlflowRunId?: string;
  result?: { name: string; version: string | null; gate: string | null };
  error?: string;
  progress?: { stage: string };
}

beforeAll(async () => {
  await writeSynthCsv({ rows: 600, seed: 3, out: csv });
  client = integrationClient();
  const config = controlConfigFromEnv({
    CHAMPION_API_KEY: KEY,
    CHAMPION_CONTROL_DATA_DIR: path.join(dir, 'control'),
    PORT: '0',
    CHAMPION_CONTROL_CONCURRENCY: '2',
  });
  const executor = new LocalExecutor({
    command: CHAMPION,
    env: process.env,
    killGraceMs: 20_000,
    logger: silentLogger,
  });
  control = await startControl({
    config,
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

async function upload(
  query: string,
  options: { key?: string; body?: string } = {},
): Promise<Response> {
  return fetch(`${control.url}/jobs/train?${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      ...(options.key === undefined ? {} : { authorization: `Bearer ${options.key}` }),
    },
    body: options.body ?? (await readFile(csv, 'utf8')),
  });
}

const jobCount = async (): Promise<number> =>
  ((await (await fetch(`${control.url}/jobs`)).json()) as { jobs: unknown[] }).jobs.length;
const uploads = (): string[] =>
  readdirSync(path.join(dir, 'control'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.csv'));
const getJob = async (id: string): Promise<JobView> =>
  (await (await fetch(`${control.url}/jobs/${id}`)).json()) as JobView;

async function until(
  id: string,
  check: (job: JobView) => boolean,
  timeoutMs = 120_000,
): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(id);
    if (check(job)) return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every job the event stream sends, until the server ends it (the job's end). */
async function events(id: string): Promise<JobView[]> {
  const res = await fetch(`${control.url}/jobs/${id}/events`);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice(6)) as JobView);
}

describe('refusals create no job', () => {
  it('answers 401 without the API key', async () => {
    const before = await jobCount();
    const res = await upload(`${FAST}&name=${uniqueName('ctl')}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    expect(await jobCount()).toBe(before);
  });

  it('answers 400 naming `target` when it is missing', async () => {
    const before = await jobCount();
    const res = await upload(`name=${uniqueName('ctl')}`, { key: KEY });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /--target/,
    );
    expect(await jobCount()).toBe(before);
    expect(uploads()).toEqual([]);
  });

  it('answers 422 naming the column when the target is not in the file', async () => {
    const before = await jobCount();
    const res = await upload(`name=${uniqueName('ctl')}&target=defaulted`, { key: KEY });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string; details: { path: string }[] } };
    expect(body.error.message).toMatch(/no column 'defaulted'/);
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'target' })]);
    expect(await jobCount()).toBe(before);
    expect(uploads()).toEqual([]);
  });
});

it('trains an uploaded CSV to a registered version, with progress as server-sent events', async () => {
  const name = uniqueName('ctl-train');
  const res = await upload(`${FAST}&name=${name}`, { key: KEY });
  expect(res.status).toBe(202);
  const { id, status } = (await res.json()) as JobView;
  expect(status).toBe('queued');
  const stream = await events(id);
  expect(stream.some((j) => j.progress?.stage === 'search')).toBe(true);
  const job = await getJob(id);
  expect(stream.at(-1)?.status).toBe('succeeded');
  expect(job).toMatchObject({ status: 'succeeded', result: { name } });
  const version = job.result?.version;
  if (version === null || version === undefined) throw new Error('no version registered');
  const registered = await client.registry.versions.get({ name, version });
  expect(registered.run_id).toBe(job.mlflowRunId);
  expect((await client.runs.get(job.mlflowRunId ?? '')).info.status).toBe('FINISHED');
});

it('cancels a running training: cancelled, its MLflow run KILLED, no version registered', async () => {
  const name = uniqueName('ctl-cancel');
  const res = await upload(
    `target=default&id-cols=id&learners=gbdt&candidates=20&folds=3&time-budget=120&name=${name}`,
    { key: KEY },
  );
  const { id } = (await res.json()) as JobView;
  const running = await until(id, (j) => j.mlflowRunId !== undefined);
  expect(running.status).toBe('running');
  const del = await fetch(`${control.url}/jobs/${id}`, {
    method: 'DELETE',
    headers: { 'x-api-key': KEY },
  });
  expect(del.status).toBe(202);
  const job = await until(id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status));
  expect(job.status).toBe('cancelled');
  expect((await client.runs.get(running.mlflowRunId ?? '')).info.status).toBe('KILLED');
  expect(await client.registry.versions.searchAll({ filter: `name = '${name}'` })).toEqual([]);
});

describe('fairness options, as `champion train` takes them', () => {
  it('answers 400 for a fairness rule without --sensitive, and creates no job', async () => {
    const before = await jobCount();
    const res = await upload(`${FAST}&name=${uniqueName('ctl')}&max-demographic-parity-diff=0.2`, {
      key: KEY,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /--sensitive/,
    );
    expect(await jobCount()).toBe(before);
  });

  it('answers 422 naming `sensitive` when the column is not in the file', async () => {
    const res = await upload(`${FAST}&name=${uniqueName('ctl')}&sensitive=gender`, { key: KEY });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'sensitive' })]);
  });

  it('trains with them: the run records them, the model holds its fairness report', async () => {
    const name = uniqueName('ctl-fair');
    const res = await upload(
      `${FAST}&name=${name}&sensitive=home_ownership&max-demographic-parity-diff=0.99`,
      { key: KEY },
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as JobView;
    const job = await until(id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status));
    expect(job).toMatchObject({ status: 'succeeded', result: { name, version: '1' } });
    const run = await client.runs.get(job.mlflowRunId ?? '');
    const params = new Map(run.data.params.map((p) => [p.key, p.value]));
    expect(params.get(FAIRNESS_PARAMS.sensitive)).toBe('home_ownership');
    expect(params.get(FAIRNESS_PARAMS.maxDemographicParityDiff)).toBe('0.99');
    const model = path.join(dir, `model-${name}`);
    await client.resolveModelUri(`models:/${name}/1`, model);
    const report = fairnessReportSchema.parse(
      JSON.parse(await readFile(path.join(model, 'champion', 'fairness.json'), 'utf8')),
    );
    expect(Object.keys(report.sensitive)).toEqual(['home_ownership']);
  });
});
