import { once } from 'node:events';
import { createServer, request as httpRequest, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { Secret } from 'mlflow-js-client';
import type { ServingConfig } from '../config.js';
import { FAKE_MODEL, FakeHost } from './test-support/fake-host.js';
import { closeTestApps, RECORD, testApp, testConfig } from './test-support/fixtures.js';
import type { AppContext } from './context.js';
import { directLane } from './direct-lane.js';
import { errorResponder } from './error-handler.js';
import { noopSink } from './inference-sink.js';
import { silentLogger } from './logger.js';
import { ServingMetrics } from './metrics.js';
import { PendingAppends } from './pending-appends.js';
import { FeatureCompiler } from './records/feature-compiler.js';
import { createServingState } from './state.js';

afterEach(closeTestApps);

interface Sent {
  readonly path: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly retryAfter: string | undefined;
  /** Every header but the date and the connection's. */
  readonly headers: Record<string, unknown>;
  readonly body: unknown;
}

const PER_EXCHANGE = new Set(['date', 'connection', 'keep-alive']);

async function send(listener: RequestListener, sent: Sent): Promise<Answer> {
  const res = await request(listener)
    .post(sent.path)
    .set({ 'content-type': 'application/json', 'x-request-id': 'same-id', ...sent.headers })
    .send(sent.body);
  expect(res.headers['x-request-id']).toBe('same-id');
  return {
    status: res.status,
    type: res.headers['content-type'],
    retryAfter: res.headers['retry-after'],
    headers: Object.fromEntries(
      Object.entries(res.headers as Record<string, unknown>).filter(([h]) => !PER_EXCHANGE.has(h)),
    ),
    body: res.body as unknown,
  };
}

const json = (value: unknown): string => JSON.stringify(value);
const split = (data: unknown[][]): string =>
  json({ dataframe_split: { columns: ['age', 'income', 'region', 'plan'], data } });

/** Requests the lane answers, with bodies good and bad. */
const LANE_REQUESTS: readonly (Sent & { readonly name: string })[] = [
  { name: 'one record', path: '/predict', body: json(RECORD) },
  { name: 'a batch with ids', path: '/predict', body: json([{ ...RECORD, id: 7 }, RECORD]) },
  { name: 'an empty batch', path: '/predict', body: '[]' },
  { name: 'a missing field', path: '/predict', body: json({ age: 30 }) },
  { name: 'a wrong type', path: '/predict', body: json({ ...RECORD, income: 'lots' }) },
  { name: 'an unseen category', path: '/predict', body: json({ ...RECORD, region: 'mars' }) },
  { name: 'not JSON', path: '/predict', body: '{"age": ' },
  { name: 'a JSON string', path: '/predict', body: '"x"' },
  { name: 'a JSON number', path: '/predict', body: ' 42' },
  { name: "Python's NaN on /predict", path: '/predict', body: '{"age": NaN}' },
  { name: 'a byte order mark', path: '/predict', body: `\ufeff${json(RECORD)}` },
  {
    name: 'charset=utf-8',
    path: '/predict',
    body: json(RECORD),
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  },
  { name: 'dataframe_split', path: '/invocations', body: split([[30, 1000.5, 'north', '2']]) },
  { name: "Python's NaN", path: '/invocations', body: split([[30, 'NaN', 'north', '2']]) },
  { name: 'a bad frame', path: '/invocations', body: json({ dataframe_split: { data: 1 } }) },
  { name: 'instances', path: '/invocations', body: json({ instances: [RECORD] }) },
  { name: 'not JSON (MLflow dialect)', path: '/invocations', body: 'nope' },
  { name: 'CSV as a JSON string', path: '/invocations', body: json('age,income\n30,1000.5\n') },
];

describe('the direct lane', () => {
  it.each(LANE_REQUESTS)('answers $name exactly as express does', async (sent) => {
    const { app, express } = testApp();
    expect(await send(app, sent)).toEqual(await send(express, sent));
  });

  it('answers 503 with Retry-After, in each dialect, before a model is loaded', async () => {
    for (const path of ['/predict', '/invocations']) {
      const { app, express, host } = testApp();
      host.model = undefined;
      const sent = { path, body: path === '/predict' ? json(RECORD) : split([]) };
      const lane = await send(app, sent);
      expect(lane).toEqual(await send(express, sent));
      expect(lane).toMatchObject({ status: 503, retryAfter: '1' });
    }
  });

  it('logs what it scored, with the request id it answered', async () => {
    const { app, sink } = testApp();
    await send(app, { path: '/predict', body: json([RECORD, RECORD]) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.records.map((r) => r.requestId)).toEqual(['same-id-0', 'same-id-1']);
    expect(sink.records[0]).toMatchObject({ model: FAKE_MODEL.name, features: RECORD });
  });
});

/** The lane over a FakeHost, in front of an "express" that answers 299 and counts. */
function laneWithMarker(config: Partial<ServingConfig> = {}): {
  lane: RequestListener;
  handedOver: string[];
} {
  const servingConfig = testConfig(config);
  const context: AppContext = {
    host: new FakeHost(),
    config: servingConfig,
    logger: silentLogger,
    sink: noopSink,
    pending: new PendingAppends(),
    metrics: new ServingMetrics(),
    state: createServingState(),
    compiler: new FeatureCompiler(servingConfig.unseenCategories),
  };
  const handedOver: string[] = [];
  const express: RequestListener = (req, res) => {
    handedOver.push(`${req.method} ${req.url}`);
    req.resume();
    res.statusCode = 299;
    res.end();
  };
  const lane = directLane({
    context,
    express,
    accessLog: { logger: silentLogger, metrics: context.metrics, quietPaths: new Set() },
    respondError: errorResponder({
      logger: silentLogger,
      maxBodyBytes: servingConfig.maxBodyBytes,
    }),
  });
  return { lane, handedOver };
}

describe('which requests take the direct lane', () => {
  it('takes plain JSON POST /predict and /invocations, with the key when one is set', async () => {
    const { lane, handedOver } = laneWithMarker({ apiKey: new Secret('k3y') });
    const key = { 'x-api-key': 'k3y' };
    await request(lane).post('/predict').set(key).send(RECORD).expect(200);
    await request(lane)
      .post('/invocations')
      .set(key)
      .set('content-type', 'application/json; charset="utf-8"')
      .send(split([[30, 1000.5, 'north', '2']]))
      .expect(200);
    expect(handedOver).toEqual([]);
  });

  it('hands express every other request, its body unread', async () => {
    const { lane, handedOver } = laneWithMarker({ apiKey: new Secret('k3y'), maxBodyBytes: 200 });
    const key = { 'x-api-key': 'k3y' };
    const body = json(RECORD);
    await request(lane).post('/predict').send(body).expect(299); // no key
    await request(lane).post('/predict').set(key).query({ explain: 'true' }).send(RECORD);
    await request(lane).get('/predict').set(key);
    await request(lane).post('/predict/batch').set(key).send([RECORD]);
    await request(lane).post('/predict').set(key).set('content-type', 'text/plain').send(body);
    await request(lane)
      .post('/predict')
      .set(key)
      .set('content-type', 'application/json; charset=latin1')
      .send(body);
    await request(lane)
      .post('/predict')
      .set(key)
      .set({ 'content-type': 'application/json', 'content-encoding': 'gzip' })
      .send(gzipSync(body));
    await request(lane).post('/predict').set(key).send([RECORD, RECORD, RECORD, RECORD]); // > 200 B
    await request(lane).post('/predict').set(key).set('content-type', 'application/json').send('');
    expect(handedOver).toEqual([
      'POST /predict',
      'POST /predict?explain=true',
      'GET /predict',
      'POST /predict/batch',
      'POST /predict',
      'POST /predict',
      'POST /predict',
      'POST /predict',
      'POST /predict',
    ]);
  });

  it('hands express a chunked body (no Content-Length)', async () => {
    const { lane, handedOver } = laneWithMarker();
    const server = createServer(lane).listen(0, '127.0.0.1');
    try {
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/predict',
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.write(json(RECORD).slice(0, 5));
        req.end(json(RECORD).slice(5));
      });
      expect(status).toBe(299);
      expect(handedOver).toEqual(['POST /predict']);
    } finally {
      server.close();
    }
  });
});

describe('refusals before the body is read stay express', () => {
  const cases: readonly (Sent & { readonly name: string; readonly status: number })[] = [
    {
      name: 'another charset',
      path: '/predict',
      body: json(RECORD),
      headers: { 'content-type': 'application/json; charset=latin1' },
      status: 415,
    },
    {
      name: 'another media type',
      path: '/predict',
      body: json(RECORD),
      headers: { 'content-type': 'text/plain' },
      status: 415,
    },
    {
      name: 'CSV on /invocations',
      path: '/invocations',
      body: 'age,income,region,plan\n30,1000.5,north,2\n',
      headers: { 'content-type': 'text/csv' },
      status: 200,
    },
    { name: 'an explain query', path: '/predict?explain=true', body: json(RECORD), status: 200 },
  ];

  it.each(cases)('$name: the same answer from the server as from express', async (sent) => {
    const { app, express } = testApp();
    const lane = await send(app, sent);
    expect(lane.status).toBe(sent.status);
    expect(lane).toEqual(await send(express, sent));
  });
});

describe('CHAMPION_DIRECT_LANE=off', () => {
  it('listens with express alone', () => {
    const { app, express } = testApp({ config: { directLane: false } });
    expect(app).toBe(express);
  });
});
