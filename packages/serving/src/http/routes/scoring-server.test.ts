import { Secret } from 'mlflow-js-client';
import request from 'supertest';
import { closeTestApps, testApp } from '../test-support/fixtures.js';
import { SERVER_VERSION } from '../version.js';

afterEach(closeTestApps);

const COLUMNS = ['age', 'income', 'region', 'plan'];

describe("MLflow scoring server's routes", () => {
  it('GET /ping answers 200 while a model is served, 503 before one is loaded', async () => {
    const { app, host } = testApp();
    await request(app).get('/ping').expect(200);
    const model = host.model;
    host.model = undefined;
    const res = await request(app).get('/ping').expect(503);
    expect(res.body).toEqual({ status: 'model loading' });
    host.model = model;
    await request(app).get('/ping').expect(200);
  });

  it('GET /ping answers 503 once shutdown has begun, so probes stop sending traffic', async () => {
    const { app, state } = testApp();
    state.shuttingDown = true;
    const res = await request(app).get('/ping').expect(503);
    expect(res.body).toEqual({ status: 'draining' });
  });

  it("GET /version answers champion's version as plain text", async () => {
    const res = await request(testApp().app).get('/version').expect(200);
    expect(res.type).toBe('text/plain');
    expect(res.text).toBe(SERVER_VERSION);
  });

  it('GET /health answers 200 while serving and 503 before, as MLflow clients probe it', async () => {
    const { app, host } = testApp();
    await request(app).get('/health').expect(200);
    host.model = undefined;
    await request(app).get('/health').expect(503);
  });

  it('probes need no API key while /invocations does', async () => {
    const { app } = testApp({ config: { apiKey: new Secret('k') } });
    await request(app).get('/ping').expect(200);
    await request(app).get('/version').expect(200);
    await request(app).head('/ping').expect(200);
    const body = { dataframe_split: { columns: COLUMNS, data: [[35, 52000, 'north', '2']] } };
    const refused = await request(app).post('/invocations').send(body).expect(401);
    expect(refused.body.error_code).toBe('UNAUTHENTICATED');
    await request(app).post('/invocations').set('X-API-Key', 'k').send(body).expect(200);
  });

  it('other methods on the probes are 405 with Allow', async () => {
    const { app } = testApp();
    const res = await request(app).post('/ping').expect(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
    await request(app).delete('/version').expect(405);
  });

  it("answers /invocations failures in MLflow's error format, which its clients parse, with no stack_trace", async () => {
    const { app, host } = testApp();
    const body = { dataframe_split: { columns: COLUMNS, data: [[35, 52000, 'north', '2']] } };
    host.failWith = new Error('boom');
    const failed = await request(app).post('/invocations').send(body).expect(500);
    expect(failed.body).toMatchObject({
      error_code: 'INTERNAL_ERROR',
      message: expect.any(String),
    });
    expect(failed.body).not.toHaveProperty('stack_trace');
    host.failWith = undefined;
    host.model = undefined;
    const loading = await request(app).post('/invocations').send(body).expect(503);
    expect(loading.body).toMatchObject({
      error_code: 'TEMPORARILY_UNAVAILABLE',
      message: expect.any(String),
    });
    expect(loading.body).not.toHaveProperty('stack_trace');
  });
});
