/**
 * `simulate` against a recording stand-in of the service (real HTTP on 127.0.0.1): what arrives
 * at /predict and /feedback, and that every failure is counted.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@champion/trainer/test-support';
import {
  startRecordingService,
  type RecordingService,
  type RecordingServiceOptions,
} from '@champion/monitor/test-support';
import { simulate, type SimulateOptions } from './simulate.js';

const FEATURES = [
  { name: 'age', type: 'numeric' },
  { name: 'city', type: 'categorical' },
] as const;

let dir: { dir: string; cleanup: () => Promise<void> };
let data: string;
let service: RecordingService | undefined;

beforeAll(async () => {
  dir = await tempDir('simulate');
  data = join(dir.dir, 'people.csv');
  const lines = ['id,age,city,default'];
  for (let i = 0; i < 300; i++)
    // The label follows the age, so a test can tell which label belongs to which sent record.
    lines.push(
      `${i},${20 + (i % 50)},${['paris', 'lyon', ''][i % 3]},${20 + (i % 50) >= 45 ? 1 : 0}`,
    );
  await writeFile(data, `${lines.join('\n')}\n`);
});
afterAll(() => dir.cleanup());
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function run(
  serviceOptions: Partial<RecordingServiceOptions>,
  options: Partial<SimulateOptions> = {},
) {
  service = await startRecordingService({ name: 'credit', features: FEATURES, ...serviceOptions });
  const summary = await simulate({
    ...{ name: 'credit', url: service.url, data, target: 'default', rows: 250, seed: 5 },
    ...{ batchSize: 40, concurrency: 3, feedbackBatchSize: 100 },
    ...options,
  });
  return { summary, service };
}

describe('simulate', () => {
  it('sends the model features of N sampled rows, then each true label under its request id', async () => {
    const { summary, service } = await run({});
    expect(summary.ok).toBe(true);
    expect(service.predicted).toHaveLength(250);
    expect(Object.keys(service.predicted[0]?.record ?? {})).toEqual(['age', 'city']);
    expect(service.predicted.some((p) => p.record.city === null)).toBe(true);
    expect(summary.predict).toMatchObject({ requests: 7, ok: 7, failed: 0, rowsOk: 250 });
    expect(service.feedback).toHaveLength(250);
    expect(new Set(service.feedback.map((f) => f.request_id))).toEqual(
      new Set(service.predicted.map((p) => p.requestId)),
    );
    const sent = new Map(service.predicted.map((p) => [p.requestId, p.record]));
    for (const { request_id, label } of service.feedback)
      expect(label).toBe((sent.get(request_id)?.age as number) >= 45 ? 1 : 0);
    expect(summary.feedback).toMatchObject({ labelsSent: 250, accepted: 250, requests: 3 });
  });

  it('sends the same rows for the same seed, and applies the drift to what it sends', async () => {
    // One request at a time, so records arrive in row order.
    const plain = (await run({}, { concurrency: 1 })).service.predicted.map((p) => p.record);
    await service?.close();
    const { summary, service: drifted } = await run(
      {},
      { concurrency: 1, drift: 'age*2,city=nice@1' },
    );
    drifted.predicted.forEach(({ record }, k) => {
      expect(record).toEqual({ age: (plain[k]?.age as number) * 2, city: 'nice' });
    });
    expect(summary.drift).toEqual([
      { term: 'age*2', rowsChanged: 250 },
      { term: 'city=nice@1', rowsChanged: 250 },
    ]);
  });

  it('counts failed requests, sends no label for their rows, and is not ok', async () => {
    const { summary, service } = await run({ failPredict: (n) => n % 3 === 0 });
    expect(summary.ok).toBe(false);
    expect(summary.predict).toMatchObject({ requests: 7, ok: 5, failed: 2, rowsFailed: 80 });
    expect(summary.predict.failures).toEqual([
      { status: 503, count: 2, example: 'HTTP 503: not ready' },
    ]);
    expect(service.feedback).toHaveLength(170);
  });

  it('counts rows answered without a request id as labels it could not send', async () => {
    const { summary } = await run({ omitRequestIds: true });
    expect(summary.ok).toBe(false);
    expect(summary.predict.withoutRequestId).toBe(250);
    expect(summary.feedback.labelsSent).toBe(0);
  });

  it('sends the API key as a bearer token on every request', async () => {
    const { summary, service } = await run({ apiKey: 's3cret' }, { apiKey: 's3cret' });
    expect(summary.ok).toBe(true);
    expect(new Set(service.authorizations)).toEqual(new Set(['Bearer s3cret']));
    const refused = await run({ apiKey: 's3cret' }, { apiKey: 'wrong' });
    expect(refused.summary.predict.failures[0]).toMatchObject({ status: 401, count: 7 });
  });

  it('counts requests the service never answered (connection dropped) as failed', async () => {
    const { summary } = await run({ dropPredictConnections: true });
    expect(summary).toMatchObject({ ok: false, predict: { ok: 0, failed: 7, rowsFailed: 250 } });
    expect(summary.predict.failures[0]).toMatchObject({ status: null, count: 7 });
  });

  it('refuses to send when the service serves another model, or the drift names an unknown column', async () => {
    await expect(run({ name: 'fraud' })).rejects.toThrow(
      /serves 'fraud' \(version 1\), not 'credit'; check --url or --name/,
    );
    await service?.close();
    await expect(run({}, { drift: 'income*2' })).rejects.toThrow(/unknown column 'income'/);
    expect(service?.predictRequests).toBe(0);
  });

  it('names the target column the data lacks', async () => {
    await expect(run({}, { target: 'label' })).rejects.toThrow(
      /people\.csv has no target column 'label'; its columns are id, age, city, default/,
    );
  });
});
