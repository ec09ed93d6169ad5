/**
 * The job queue with the local executor running a stand-in for `champion` (a module file printing
 * what the CLI prints): results and errors come from the process's output, at most `concurrency`
 * jobs run while the others wait queued, a queued job cancels at once, a running one is stopped
 * with SIGTERM (SIGKILL after the grace period), and the records survive in the store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from 'mlflow-js-client';
import { LocalExecutor } from '../executors/local.js';
import { FileJobStore } from './file-store.js';
import type { Job } from './job.js';
import { JobService } from './job-service.js';

const FAKE = path.join(__dirname, '../test-support/fake-champion.mjs');
let store: FileJobStore;
let jobs: JobService;

function service(concurrency: number): JobService {
  const executor = new LocalExecutor({
    command: [process.execPath, FAKE],
    env: process.env,
    killGraceMs: 300,
    logger: silentLogger,
  });
  return new JobService({ store, executor, concurrency, logger: silentLogger });
}

beforeEach(() => {
  store = new FileJobStore(mkdtempSync(path.join(tmpdir(), 'champion-jobs-')));
  jobs = service(1);
});
afterEach(() => jobs.close());

const submit = (mode: string): Promise<Job> =>
  jobs.submit({ kind: 'train', name: 'm', args: [mode] });

function until(id: string, check: (job: Job) => boolean): Promise<Job> {
  return new Promise((resolve) => {
    const stop = jobs.subscribe(id, (job) => {
      if (check(job)) {
        stop();
        resolve(job);
      }
    });
  });
}
const final = (id: string): Promise<Job> =>
  until(id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status));

it('takes the run id and the result from the process output, and keeps the record', async () => {
  const job = await submit('ok');
  const done = await final(job.id);
  expect(done).toMatchObject({
    status: 'succeeded',
    mlflowRunId: 'r1',
    result: { name: 'm', version: '3', gate: 'promoted' },
  });
  expect(await store.get(job.id)).toEqual(done);
});

it('fails a job with the error its process logged', async () => {
  const job = await submit('fail');
  expect(await final(job.id)).toMatchObject({
    status: 'failed',
    error: 'cannot read missing.csv: file not found',
  });
});

it('runs one job at a time at concurrency 1; a queued job cancels at once', async () => {
  const first = await submit('wait');
  const second = await submit('ok');
  const third = await submit('ok');
  await until(first.id, (j) => j.progress !== undefined);
  expect((await jobs.get(second.id)).status).toBe('queued');
  expect(await jobs.cancel(third.id)).toMatchObject({ status: 'cancelled' });
  await jobs.cancel(first.id);
  expect(await final(first.id)).toMatchObject({ status: 'cancelled' });
  expect(await final(second.id)).toMatchObject({ status: 'succeeded' });
});

it('kills a process that ignores SIGTERM after the grace period', async () => {
  const job = await submit('stubborn');
  await until(job.id, (j) => j.progress !== undefined);
  await jobs.cancel(job.id);
  expect(await final(job.id)).toMatchObject({ status: 'cancelled' });
});

it('refuses to cancel a job that already ended', async () => {
  const job = await submit('ok');
  await final(job.id);
  await expect(jobs.cancel(job.id)).rejects.toMatchObject({ code: 'JOB_FINISHED' });
});

it('marks jobs a previous process left running failed, with the reason', async () => {
  const left: Job = {
    id: '6d1c5a7e-3f7a-4c1e-9a51-2b7f0d1e9c11',
    kind: 'train',
    name: 'm',
    args: ['wait'],
    status: 'running',
    createdAt: new Date().toISOString(),
  };
  await store.put(left);
  const recovered = await service(1).recover();
  expect(recovered.map((j) => j.id)).toEqual([left.id]);
  expect(await store.get(left.id)).toMatchObject({
    status: 'failed',
    error: 'control service restarted during the job',
  });
});
