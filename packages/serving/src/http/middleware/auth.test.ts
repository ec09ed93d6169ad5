import request from 'supertest';
import { Secret } from 'mlflow-js-client';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const secured = () => testApp({ config: { apiKey: new Secret('s3cret') } });

describe('API key', () => {
  it('leaves /predict open when no key is configured', async () => {
    await request(testApp().app).post('/predict').send(RECORD).expect(200);
  });

  it('refuses /predict without the key when one is configured', async () => {
    const res = await request(secured().app).post('/predict').send(RECORD).expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a wrong key', async () => {
    await request(secured().app)
      .post('/predict')
      .set('Authorization', 'Bearer nope')
      .send(RECORD)
      .expect(401);
  });

  it('accepts the key as a bearer token', async () => {
    await request(secured().app)
      .post('/predict')
      .set('Authorization', 'Bearer s3cret')
      .send(RECORD)
      .expect(200);
  });

  it('accepts the key in X-API-Key', async () => {
    await request(secured().app)
      .post('/invocations')
      .set('X-API-Key', 's3cret')
      .send({ dataframe_records: [RECORD] })
      .expect(200);
  });

  it('guards /v2 infer', async () => {
    await request(secured().app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: [] })
      .expect(401);
  });

  it('leaves health and metadata endpoints open', async () => {
    const { app } = secured();
    await request(app).get('/readyz').expect(200);
    await request(app).get('/model').expect(200);
    await request(app).get('/v2/models/credit-default').expect(200);
  });

  it('disables /admin/reload when no key is configured', async () => {
    const { app, host } = testApp();
    const res = await request(app).post('/admin/reload').expect(403);
    expect(res.body.error.code).toBe('ADMIN_DISABLED');
    expect(host.checks).toBe(0);
  });

  it('runs an alias check on /admin/reload with the key', async () => {
    const { app, host } = secured();
    const res = await request(app).post('/admin/reload').set('X-API-Key', 's3cret').expect(200);
    expect(res.body).toEqual({ changed: false, version: '3' });
    expect(host.checks).toBe(1);
  });
});
