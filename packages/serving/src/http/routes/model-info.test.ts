import request from 'supertest';
import { closeTestApps, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

describe('model information', () => {
  it('GET /model says what is serving and where it came from', async () => {
    const res = await request(testApp().app).get('/model').expect(200);
    expect(res.body).toMatchObject({
      name: 'credit-default',
      version: '3',
      alias: 'champion',
      loadedAt: '2025-01-02T03:04:05.000Z',
      source: 'mlflow',
      threshold: 0.5,
      target: { name: 'default', positive: 'yes', negative: 'no' },
      modelId: 'm-123',
      runId: 'r-456',
      modelUri: 'models:/credit-default@champion',
    });
    expect((res.body.features as { name: string }[]).map((f) => f.name)).toEqual([
      'age',
      'income',
      'region',
      'plan',
    ]);
  });

  it('GET /model/params and /model/metrics return the logged values', async () => {
    const { app } = testApp();
    expect((await request(app).get('/model/params').expect(200)).body).toEqual({
      learner: 'gbdt',
      max_depth: '4',
    });
    expect((await request(app).get('/model/metrics').expect(200)).body).toEqual({
      roc_auc: 0.81,
      f1: 0.52,
    });
  });

  it('GET /model/schema lists features with categories and ranges', async () => {
    const res = await request(testApp().app).get('/model/schema').expect(200);
    expect(res.body.features[2]).toEqual({
      name: 'region',
      type: 'categorical',
      categories: ['north', 'south', 'east'],
    });
    expect(res.body.features[0]).toEqual({ name: 'age', type: 'numeric', min: 18, max: 90 });
  });

  it('GET /model/example is a synthetic body /predict accepts, not the stored rows', async () => {
    const { app } = testApp();
    const example = (await request(app).get('/model/example').expect(200)).body;
    // No profile.json in the fake model's folder: mid-range numbers, the first category.
    expect(example).toEqual([{ age: 54, income: 125000, region: 'north', plan: '1' }]);
    await request(app).post('/predict').send(example).expect(200);
  });

  it('GET /model/example serves the stored rows when the operator opts in', async () => {
    const { app } = testApp({ config: { modelExample: 'stored' } });
    const example = (await request(app).get('/model/example').expect(200)).body;
    expect(example).toEqual([
      { age: 35, income: 52000, region: 'north', plan: '2' },
      { age: 61, income: null, region: 'east', plan: '1' },
    ]);
    await request(app).post('/predict').send(example).expect(200);
  });

  it('answers 503 before a model is loaded', async () => {
    const { app, host } = testApp();
    host.model = undefined;
    await request(app).get('/model').expect(503);
  });
});
