/**
 * The kubernetes executor against a fake Kubernetes API server, with the repo's Job template
 * (deploy/k8s/training-job-template.yaml): the Job it creates is the template with only its name,
 * the job-id label and the train container's args changed; progress and the result come from the
 * pod's log; a failed Job fails the job with the process's own error; cancel deletes the Job
 * (Background propagation) and ends the job cancelled.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Secret, silentLogger } from 'mlflow-js-client';
import { parse } from 'yaml';
import { startFakeKubeApi, type FakeKubeApi } from '../../test-support/index.js';
import { FileJobStore } from '../../jobs/file-store.js';
import type { Job } from '../../jobs/job.js';
import { JobService } from '../../jobs/job-service.js';
import { KubeApi } from './api.js';
import { KubernetesExecutor } from './executor.js';
import { JOB_ID_LABEL, loadJobTemplate } from './job-template.js';

const TEMPLATE = path.join(__dirname, '../../../../../deploy/k8s/training-job-template.yaml');
const dataDir = mkdtempSync(path.join(tmpdir(), 'champion-control-k8s-'));
const upload = path.join(dataDir, 'uploads', 'a1.csv');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test inspection of a YAML tree

let fake: FakeKubeApi;
let api: KubeApi;
let jobs: JobService;
let executor: KubernetesExecutor;
let storeDir: string;

beforeEach(async () => {
  fake = await startFakeKubeApi();
  api = new KubeApi({ baseUrl: fake.url, token: new Secret('sa-token') });
  executor = new KubernetesExecutor({
    api,
    namespace: 'champion',
    template: await loadJobTemplate(TEMPLATE),
    dataDir,
    podDataPath: '/data',
    pollMs: 20,
    logger: silentLogger,
  });
  storeDir = mkdtempSync(path.join(tmpdir(), 'champion-control-store-'));
  jobs = new JobService({
    store: new FileJobStore(storeDir),
    executor,
    concurrency: 1,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await jobs.close();
  await api.close();
  await fake.close();
});

function ended(id: string): Promise<Job> {
  return new Promise((resolve) => {
    const stop = jobs.subscribe(id, (job) => {
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        stop();
        resolve(job);
      }
    });
  });
}

const lines = (...objects: object[]): string =>
  objects.map((o) => JSON.stringify(o)).join('\n') + '\n';

async function submitTraining(): Promise<{ job: Job; name: string }> {
  const created = fake.nextJob();
  const job = await jobs.submit({
    kind: 'train',
    name: 'credit',
    args: ['train', '--data', upload, '--target=default', '--name=credit', '--events'],
  });
  return { job, name: await created };
}

it('creates the Job from the template with only its name, job-id label and args changed', async () => {
  const { job, name } = await submitTraining();
  const raw = parse(readFileSync(TEMPLATE, 'utf8')) as Json;
  const sent = structuredClone(fake.jobs.get(name)?.body) as Json;
  expect(fake.jobs.get(name)?.namespace).toBe('champion');
  expect(sent['metadata'].name).toBe(`champion-train-${job.id}`);
  expect(sent['metadata'].labels).toEqual({ ...raw['metadata'].labels, [JOB_ID_LABEL]: job.id });
  const pod = sent['spec'].template;
  expect(pod.metadata.labels).toEqual({
    ...raw['spec'].template.metadata.labels,
    [JOB_ID_LABEL]: job.id,
  });
  const train = (pod.spec.containers as Json[]).find((c) => c['name'] === 'train') as Json;
  // The upload as the training pod sees it: the shared volume is mounted at /data.
  expect(train['args']).toEqual([
    '--json',
    'train',
    '--data',
    '/data/uploads/a1.csv',
    '--target=default',
    '--name=credit',
    '--events',
  ]);
  for (const tree of [sent, raw]) {
    delete tree['metadata'].name;
    delete tree['metadata'].labels;
    delete tree['spec'].template.metadata.labels;
    for (const c of tree['spec'].template.spec.containers as Json[]) delete c['args'];
  }
  expect(sent).toEqual(raw);
  expect(fake.authorizations.every((a) => a === 'Bearer sa-token')).toBe(true);
});

it('reports progress and the result from the pod log, and succeeds when the Job completes', async () => {
  const { job, name } = await submitTraining();
  const done = ended(job.id);
  const fakeJob = fake.jobs.get(name);
  if (fakeJob === undefined) throw new Error('no Job created');
  fakeJob.status = { active: 1 };
  fakeJob.log = lines(
    { event: 'progress', stage: 'log', message: 'MLflow run r1', runId: 'abc123' },
    { level: 'info', message: 'a log line' },
  );
  const progressed = await new Promise<Job>((resolve) => {
    const stop = jobs.subscribe(job.id, (j) => {
      if (j.mlflowRunId !== undefined) {
        stop();
        resolve(j);
      }
    });
  });
  expect(progressed).toMatchObject({
    status: 'running',
    mlflowRunId: 'abc123',
    progress: { stage: 'log' },
  });
  fakeJob.log += lines({ event: 'trained', runId: 'abc123', version: '4', decision: 'promoted' });
  fakeJob.status = { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] };
  const final = await done;
  expect(final).toMatchObject({
    status: 'succeeded',
    result: { name: 'credit', version: '4', gate: 'promoted' },
  });
  expect(final.handle).toBe(`Job champion/${name}`);
});

it('fails the job with the error the training printed when the Job fails', async () => {
  const { job, name } = await submitTraining();
  const done = ended(job.id);
  const fakeJob = fake.jobs.get(name);
  if (fakeJob === undefined) throw new Error('no Job created');
  fakeJob.log = lines({
    level: 'error',
    message: "column 'default' not found",
    code: 'TARGET_NOT_FOUND',
  });
  fakeJob.status = {
    failed: 1,
    conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }],
  };
  expect(await done).toMatchObject({ status: 'failed', error: "column 'default' not found" });
});

it('cancels by deleting the Job with propagationPolicy Background', async () => {
  const { job, name } = await submitTraining();
  const done = ended(job.id);
  await jobs.cancel(job.id);
  expect(await done).toMatchObject({ status: 'cancelled' });
  expect(fake.deleted.get(name)).toMatchObject({ propagationPolicy: 'Background' });
});

it('deletes the Job of a job a previous control process left running', async () => {
  const { job, name } = await submitTraining();
  // A second service on the same records, as after a crash of the first.
  const restarted = new JobService({
    store: new FileJobStore(storeDir),
    executor,
    concurrency: 1,
    logger: silentLogger,
  });
  expect((await restarted.recover()).map((j) => j.id)).toEqual([job.id]);
  expect(fake.deleted.get(name)).toMatchObject({ propagationPolicy: 'Background' });
});
