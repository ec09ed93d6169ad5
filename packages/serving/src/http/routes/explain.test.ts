import request from 'supertest';
import { Secret } from 'mlflow-js-client';
import { fakeProbability, fakeTerms, FakeHost } from '../test-support/fake-host.js';
import { afterLog, closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const logit = (p: number): number => Math.log(p / (1 - p));

interface Explained {
  base_value: number;
  contributions: Record<string, number>;
  log_odds: number;
  probability: number;
}

describe('POST /explain', () => {
  it('answers every record with one contribution per feature adding up to the log-odds', async () => {
    const { app } = testApp();
    const records = [RECORD, { ...RECORD, age: 70, region: 'south', id: 'r2' }];
    const res = await request(app).post('/explain').send(records).expect(200);
    const { explanations } = res.body as { explanations: (Explained & { id?: string })[] };
    expect(explanations).toHaveLength(2);
    explanations.forEach((e, i) => {
      const [age, income, region, plan] = fakeTerms(records[i] as typeof RECORD);
      expect(e.contributions).toEqual({ age, income, region, plan });
      const sum = Object.values(e.contributions).reduce((a, b) => a + b, e.base_value);
      expect(e.log_odds).toBeCloseTo(sum, 12);
      expect(logit(e.probability)).toBeCloseTo(sum, 9);
      expect(e.probability).toBeCloseTo(fakeProbability(records[i] as typeof RECORD), 6);
    });
    expect(explanations[1]).toMatchObject({ id: 'r2', model: { name: 'credit-default' } });
  });

  it('answers one object with a list of one explanation, and writes nothing to the inference store', async () => {
    const { app, sink } = testApp();
    const res = await request(app).post('/explain').send(RECORD).expect(200);
    expect((res.body as { explanations: unknown[] }).explanations).toHaveLength(1);
    await afterLog();
    expect(sink.records).toEqual([]);
  });

  it('is 409 explanations unavailable, with the reason, for a model that cannot explain', async () => {
    const host = new FakeHost();
    host.explainUnavailable = 'the model has no champion/explainer.json';
    const { app } = testApp({ host });
    const res = await request(app).post('/explain').send(RECORD).expect(409);
    expect(res.body.error.code).toBe('EXPLANATIONS_UNAVAILABLE');
    expect(res.body.error.message).toContain('the model has no champion/explainer.json');
    await request(app).post('/predict').send(RECORD).expect(200);
  });

  it('validates records as /predict does (422 naming the field)', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/explain')
      .send([{ ...RECORD, age: 'old' }])
      .expect(422);
    expect(JSON.stringify(res.body.error.details)).toContain('[0].age');
  });

  it('needs the API key when one is configured', async () => {
    const { app } = testApp({ config: { apiKey: new Secret('secret-key-123') } });
    await request(app).post('/explain').send(RECORD).expect(401);
    await request(app)
      .post('/explain')
      .set('Authorization', 'Bearer secret-key-123')
      .send(RECORD)
      .expect(200);
  });
});

describe('POST /predict?explain=true', () => {
  it('adds each prediction its explanation', async () => {
    const { app } = testApp();
    const res = await request(app).post('/predict?explain=true').send([RECORD]).expect(200);
    const [p] = res.body as { probability: number; explanation: Explained }[];
    const [age, income, region, plan] = fakeTerms(RECORD);
    expect(p?.explanation.contributions).toEqual({ age, income, region, plan });
    expect(p?.explanation.probability).toBeCloseTo(p?.probability ?? NaN, 6);
  });

  it('gives explanation null and the reason for a model that cannot explain', async () => {
    const host = new FakeHost();
    host.explainUnavailable = 'trained before explanations';
    const { app } = testApp({ host });
    const res = await request(app).post('/predict?explain=true').send(RECORD).expect(200);
    expect(res.body).toMatchObject({
      explanation: null,
      explanation_unavailable: 'trained before explanations',
    });
  });

  it('leaves plain /predict answers unchanged and refuses a bad explain value', async () => {
    const { app } = testApp();
    const plain = await request(app).post('/predict').send(RECORD).expect(200);
    expect(plain.body).not.toHaveProperty('explanation');
    const bad = await request(app).post('/predict?explain=maybe').send(RECORD).expect(400);
    expect(bad.body.error.details[0].path).toBe('query.explain');
  });
});
