import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryStore } from '@champion/inference-store';
import { Secret } from 'mlflow-js-client';
import request from 'supertest';
import { createApp, type ServingApp } from '../app.js';
import { FakeHost } from '../test-support/fake-host.js';
import { afterLog, closeTestApps, RECORD, testApp, testConfig } from '../test-support/fixtures.js';

let dir: string;
let store: DirectoryStore;
let served: ServingApp;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedback-'));
  store = new DirectoryStore({ dir });
});
afterEach(async () => {
  served?.close();
  closeTestApps();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function app(config: Parameters<typeof testConfig>[0] = {}): ServingApp {
  served = createApp({ host: new FakeHost(), config: testConfig(config), sink: store });
  return served;
}

/** Scores two records as one batch; returns their request ids. */
async function predictTwo(served: ServingApp): Promise<string[]> {
  const res = await request(served.handler).post('/predict').send([RECORD, RECORD]).expect(200);
  await afterLog();
  return (res.body as { request_id: string }[]).map((p) => p.request_id);
}

describe('POST /feedback', () => {
  it('stores labels for served records, and the store reads them back joined', async () => {
    const served = app();
    const ids = await predictTwo(served);
    const res = await request(served.handler)
      .post('/feedback')
      .send([
        { request_id: ids[0], label: 'yes' },
        { request_id: ids[1], label: 'no' },
      ])
      .expect(200);
    expect(res.body).toEqual({ accepted: 2, unknown: [], invalid: [] });
    const labels: (string | undefined)[] = [];
    for await (const r of store.scan()) labels.push(r.trueLabel);
    expect(labels).toEqual(['yes', 'no']);
  });

  it('names unknown request ids and labels outside the classes, storing the rest', async () => {
    const served = app();
    const ids = await predictTwo(served);
    const res = await request(served.handler)
      .post('/feedback')
      .send([
        { request_id: 'never-served', label: 'yes' },
        { request_id: ids[0], label: 'yes' },
        { request_id: ids[1], label: 'maybe' },
      ])
      .expect(200);
    expect(res.body).toEqual({
      accepted: 1,
      unknown: ['never-served'],
      invalid: [
        {
          index: 2,
          request_id: ids[1],
          problem: 'label "maybe" is not one of the model\'s classes ["no","yes"]',
        },
      ],
    });
  });

  it('answers 422 LABELS_REJECTED naming every item when no label was stored', async () => {
    const served = app();
    const res = await request(served.handler)
      .post('/feedback')
      .send([{ request_id: 'nope-1', label: 'yes' }])
      .expect(422);
    expect(res.body.error.code).toBe('LABELS_REJECTED');
    expect(res.body.error.details).toEqual([
      { path: '[0]', problem: 'nope-1: no served record has this request id' },
    ]);
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const served = app();
    const res = await request(served.handler)
      .post('/feedback')
      .send([{ request_id: 'a b', label: 'yes' }, { request_id: 'x' }])
      .expect(400);
    const details = (res.body as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toEqual(['[0].request_id', '[1].label']);
    await request(served.handler).post('/feedback').send({ request_id: 'x', label: 1 }).expect(400);
  });

  it('refuses more items than CHAMPION_MAX_BATCH_ROWS', async () => {
    const served = app({ maxBatchRows: 2 });
    const items = [1, 2, 3].map((i) => ({ request_id: `r${i}`, label: 'yes' }));
    await request(served.handler).post('/feedback').send(items).expect(400);
  });

  it('needs the API key when one is set', async () => {
    const served = app({ apiKey: new Secret('k3y') });
    const body = [{ request_id: 'r', label: 'yes' }];
    await request(served.handler).post('/feedback').send(body).expect(401);
    await request(served.handler).post('/feedback').set('X-API-Key', 'k3y').send(body).expect(422);
  });

  it('answers 503 when the server has no inference store', async () => {
    const { app: bare } = testApp();
    const res = await request(bare)
      .post('/feedback')
      .send([{ request_id: 'r', label: 'yes' }])
      .expect(503);
    expect(res.body.error.code).toBe('FEEDBACK_UNAVAILABLE');
  });
});
