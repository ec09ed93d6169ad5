/**
 * The control app over HTTP (jobs run by a stand-in for `champion`): the key guards every
 * mutating call and its absence makes the service read-only; bad requests are 4xx naming what is
 * wrong and create no job; the probes, metrics and OpenAPI document answer; unknown paths and
 * methods answer in the same error format.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from 'mlflow-js-client';
import request from 'supertest';
import { controlConfigFromEnv, type ControlConfig } from '../config.js';
import { LocalExecutor } from '../executors/local.js';
import { FileJobStore } from '../jobs/file-store.js';
import { JobService } from '../jobs/job-service.js';
import { createControlApp } from './app.js';

const FAKE = path.join(__dirname, '../test-support/fake-champion.mjs');
const KEY = 'k-123';
const CSV = 'id,income,default\n1,10,0\n2,20,1\n';

function setUp(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'champion-control-app-'));
  const shared = path.join(dir, 'shared');
  mkdirSync(shared);
  writeFileSync(path.join(shared, 'loans.csv'), CSV);
  writeFileSync(path.join(dir, 'secret.csv'), CSV);
  const config: ControlConfig = controlConfigFromEnv({
    CHAMPION_API_KEY: KEY,
    CHAMPION_CONTROL_DATA_DIR: path.join(dir, 'control'),
    CHAMPION_CONTROL_DATA_ROOTS: shared,
    ...env,
  });
  const executor = new LocalExecutor({
    command: [process.execPath, FAKE],
    env: process.env,
    killGraceMs: 300,
    logger: silentLogger,
  });
  const jobs = new JobService({
    store: new FileJobStore(config.storeDir),
    executor,
    concurrency: 1,
    logger: silentLogger,
  });
  const { app } = createControlApp({ config, jobs, logger: silentLogger, defaultMetrics: false });
  return { app, jobs, dir, shared };
}

let ctx: ReturnType<typeof setUp>;
beforeEach(() => {
  ctx = setUp();
});
afterEach(() => ctx.jobs.close());

const noJobs = async (): Promise<void> => expect((await ctx.jobs.list()).length).toBe(0);
const auth = { authorization: `Bearer ${KEY}` };

it('refuses a wrong key with 401 and no job', async () => {
  const res = await request(ctx.app)
    .post('/jobs/train?target=default&name=m')
    .set('x-api-key', 'nope')
    .type('text/csv')
    .send(CSV);
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  await noJobs();
});

it('is read-only without a configured key', async () => {
  const open = setUp({ CHAMPION_API_KEY: '' });
  const res = await request(open.app).post('/jobs/monitor').send({ name: 'm' });
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('CONTROL_READ_ONLY');
  await open.jobs.close();
});

it('names an unknown training option and creates no job', async () => {
  const res = await request(ctx.app)
    .post('/jobs/train?target=default&name=m&max_depth=3')
    .set(auth)
    .type('text/csv')
    .send(CSV);
  expect(res.status).toBe(400);
  expect(res.body.error.details).toEqual([{ path: 'max_depth', problem: 'not a training option' }]);
  await noJobs();
});

it('queues a JSON request naming a file in an allowed directory (the model named after it)', async () => {
  const data = path.join(ctx.shared, 'loans.csv');
  const res = await request(ctx.app)
    .post('/jobs/train')
    .set(auth)
    .send({ data, target: 'default', 'id-cols': ['id'] });
  expect(res.status).toBe(202);
  const { id } = res.body as { id: string };
  expect(res.headers['location']).toBe(`/jobs/${id}`);
  const job = await ctx.jobs.get(id);
  expect(job).toMatchObject({ name: 'loans' });
  expect(job.args.slice(0, 3)).toEqual(['train', '--data', data]);
  expect(job.args).toEqual(
    expect.arrayContaining(['--target=default', '--id-cols=id', '--events']),
  );
});

it('refuses a file outside the allowed directories with 422', async () => {
  const res = await request(ctx.app)
    .post('/jobs/train')
    .set(auth)
    .send({ data: path.join(ctx.dir, 'secret.csv'), target: 'default' });
  expect(res.status).toBe(422);
  expect(res.body.error.message).toMatch(/outside the directories/);
  await noJobs();
});

it('refuses an upload over the size limit with 413, and an unknown media type with 415', async () => {
  const small = setUp({ CHAMPION_CONTROL_MAX_UPLOAD_BYTES: '10' });
  const big = await request(small.app)
    .post('/jobs/train?target=default&name=m')
    .set(auth)
    .type('text/csv')
    .send(CSV);
  expect(big.status).toBe(413);
  const form = await request(ctx.app)
    .post('/jobs/train')
    .set(auth)
    .type('form')
    .send('target=default');
  expect(form.status).toBe(415);
  await small.jobs.close();
  await noJobs();
});

it('refuses an upload with a header and no rows with 422', async () => {
  const res = await request(ctx.app)
    .post('/jobs/train?target=default&name=m')
    .set(auth)
    .type('text/csv')
    .send('id,income,default\n');
  expect(res.status).toBe(422);
  await noJobs();
});

it('answers the probes, metrics and an OpenAPI document listing the job routes', async () => {
  expect((await request(ctx.app).get('/livez')).status).toBe(200);
  expect((await request(ctx.app).get('/readyz')).body).toEqual({ ready: true });
  expect((await request(ctx.app).get('/metrics')).text).toMatch(
    /champion_control_jobs\{status="running"\} 0/,
  );
  const doc = await request(ctx.app).get('/openapi.json');
  const paths = (doc.body as { paths: Record<string, { delete?: { security?: unknown } }> }).paths;
  expect(Object.keys(paths)).toEqual(
    expect.arrayContaining([
      '/jobs/train',
      '/jobs/monitor',
      '/jobs',
      '/jobs/{id}',
      '/jobs/{id}/events',
    ]),
  );
  expect(paths['/jobs/{id}']?.delete?.security).toBeDefined();
  expect((await request(ctx.app).get('/docs')).text).toMatch(/swagger-ui/);
});

it('answers unknown jobs, paths and methods in the error format, echoing the request id', async () => {
  const job = await request(ctx.app)
    .get('/jobs/6d1c5a7e-3f7a-4c1e-9a51-2b7f0d1e9c11')
    .set('x-request-id', 'req-1');
  expect(job.status).toBe(404);
  expect(job.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: 'req-1' });
  expect((await request(ctx.app).get('/nope')).status).toBe(404);
  const put = await request(ctx.app).put('/jobs').set(auth);
  expect(put.status).toBe(405);
  expect(put.headers['allow']).toBe('GET, HEAD');
});
