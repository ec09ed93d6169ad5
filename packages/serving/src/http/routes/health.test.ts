import request from 'supertest';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

describe('health and metrics', () => {
  it('/livez answers 200 even before a model is loaded', async () => {
    const { app, host } = testApp();
    host.model = undefined;
    await request(app).get('/livez').expect(200);
  });

  it('/readyz answers 503 until a model is ready, then 200', async () => {
    const { app, host } = testApp();
    const model = host.model;
    host.model = undefined;
    const before = await request(app).get('/readyz').expect(503);
    expect(before.body).toEqual({ ready: false, reason: 'model loading' });
    host.model = model;
    await request(app).get('/readyz').expect(200);
  });

  it('/readyz answers 503 once shutdown has begun', async () => {
    const { app, state } = testApp();
    state.shuttingDown = true;
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body.reason).toBe('draining');
  });

  it('/health reports the model lifecycle, uptime, memory and event-loop delay', async () => {
    const res = await request(testApp().app).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      model: { state: 'ready', serving: { version: '3' } },
      uptimeSeconds: expect.any(Number),
      memory: { rssBytes: expect.any(Number) },
      eventLoopDelayMs: { p99: expect.any(Number) },
    });
  });

  it('/metrics counts requests by route and status, predictions by label, and the model version', async () => {
    const { app } = testApp();
    await request(app)
      .post('/predict')
      .send([RECORD, { ...RECORD, age: 90, plan: '3' }])
      .expect(200);
    await request(app)
      .post('/predict')
      .send({ ...RECORD, age: 'x' })
      .expect(422);
    const text = (await request(app).get('/metrics').expect(200)).text;
    expect(text).toMatch(
      /champion_http_requests_total\{method="POST",route="\/predict",status="200"\} 1/,
    );
    expect(text).toMatch(
      /champion_http_requests_total\{method="POST",route="\/predict",status="422"\} 1/,
    );
    expect(text).toMatch(/champion_http_request_duration_seconds_bucket\{.*route="\/predict"/);
    expect(text).toMatch(/champion_predictions_total\{label="yes",endpoint="predict"\} 1/);
    expect(text).toMatch(/champion_predictions_total\{label="no",endpoint="predict"\} 1/);
    expect(text).toMatch(
      /champion_model_info\{name="credit-default",version="3",alias="champion"\} 1/,
    );
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
    expect(text).toMatch(/process_resident_memory_bytes|process_cpu_seconds_total/);
  });

  it('/metrics follows a model swap', async () => {
    const { app, host } = testApp();
    host.swap({ ...(host.model ?? ({} as never)), version: '4' });
    const text = (await request(app).get('/metrics').expect(200)).text;
    expect(text).toMatch(
      /champion_model_info\{name="credit-default",version="4",alias="champion"\} 1/,
    );
    expect(text).not.toMatch(/version="3"/);
  });
});
