import request from 'supertest';
import { FAKE_MODEL, fakeProbability } from '../test-support/fake-host.js';
import { afterLog, closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

describe('POST /predict', () => {
  it('answers one object with one prediction naming the class label and the model', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('X-Request-Id', 'one-record')
      .send(RECORD)
      .expect(200);
    const p = fakeProbability(RECORD);
    expect(res.body).toEqual({
      request_id: 'one-record',
      probability: expect.closeTo(p, 6),
      label: p >= 0.5 ? 'yes' : 'no',
      label_index: p >= 0.5 ? 1 : 0,
      threshold: 0.5,
      model: { name: 'credit-default', version: '3' },
      warnings: [],
    });
  });

  it('reports an unseen category on the record it was in, and counts it by feature', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .send([RECORD, { ...RECORD, region: 'castle' }, { ...RECORD, region: 'moon', plan: '9' }])
      .expect(200);
    expect((res.body as { warnings: unknown }[]).map((p) => p.warnings)).toEqual([
      [],
      [{ field: 'region', problem: "unseen category 'castle' scored as missing" }],
      [
        { field: 'region', problem: "unseen category 'moon' scored as missing" },
        { field: 'plan', problem: "unseen category '9' scored as missing" },
      ],
    ]);
    const metrics = (await request(app).get('/metrics').expect(200)).text;
    expect(metrics).toContain('champion_unseen_categories_total{feature="region"} 2');
    expect(metrics).toContain('champion_unseen_categories_total{feature="plan"} 1');
  });

  it('stores an unseen category as received, flagged, with the model classes', async () => {
    const { app, sink } = testApp();
    await request(app)
      .post('/predict')
      .send({ ...RECORD, region: 'castle' })
      .expect(200);
    await afterLog();
    expect(sink.records[0]).toMatchObject({
      features: { ...RECORD, region: 'castle' },
      unseen: ['region'],
      classes: ['no', 'yes'],
    });
  });

  it('still refuses an unseen category with CHAMPION_UNSEEN_CATEGORIES=reject', async () => {
    const { app } = testApp({ config: { unseenCategories: 'reject' } });
    const res = await request(app)
      .post('/predict')
      .send({ ...RECORD, region: 'castle' })
      .expect(422);
    expect(res.body.error.details).toEqual([
      { path: 'region', problem: expect.stringContaining('unknown category "castle"') },
    ]);
    const metrics = (await request(app).get('/metrics').expect(200)).text;
    expect(metrics).not.toContain('champion_unseen_categories_total{');
  });

  it('answers an array with an array in the same order', async () => {
    const { app } = testApp();
    const records = [
      RECORD,
      { ...RECORD, age: 80, plan: '3' },
      { ...RECORD, age: 20, region: 'south' },
    ];
    const res = await request(app).post('/predict').send(records).expect(200);
    expect(res.body).toHaveLength(3);
    records.forEach((r, i) => expect(res.body[i].probability).toBeCloseTo(fakeProbability(r), 6));
    expect(res.body[1].label).toBe('yes');
  });

  it('echoes each record id', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .send([{ ...RECORD, id: 'a-1' }, { ...RECORD, id: 7 }, RECORD])
      .expect(200);
    expect((res.body as { id?: unknown }[]).map((p) => p.id)).toEqual(['a-1', 7, undefined]);
  });

  it('scores null and empty values as missing (NaN for numbers, empty string for categories)', async () => {
    const { app, host } = testApp();
    await request(app)
      .post('/predict')
      .send({ age: null, income: '', region: null, plan: '' })
      .expect(200);
    const [age, income, region, plan] = host.scored[0]?.columns ?? [];
    expect([age?.[0], income?.[0], region?.[0], plan?.[0]]).toEqual([NaN, NaN, '', '']);
  });

  it('accepts numbers for integer-coded categories', async () => {
    const { app, host } = testApp();
    await request(app)
      .post('/predict')
      .send({ ...RECORD, plan: 3 })
      .expect(200);
    expect(host.scored[0]?.columns[3]?.[0]).toBe('3');
  });

  it('scores unseen categories as missing by default', async () => {
    const { app, host } = testApp();
    await request(app)
      .post('/predict')
      .send({ ...RECORD, region: 'west' })
      .expect(200);
    expect(host.scored[0]?.columns[2]?.[0]).toBe('west');
  });

  it('writes every prediction to the inference log with its own request id and the record id', async () => {
    const { app, sink } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('X-Request-Id', 'req-42')
      .send([
        { ...RECORD, id: 'r1' },
        { ...RECORD, income: null },
      ])
      .expect(200);
    await afterLog();
    expect(sink.records).toHaveLength(2);
    expect(res.get('X-Request-Id')).toBe('req-42');
    expect((res.body as { request_id: string }[]).map((p) => p.request_id)).toEqual([
      'req-42-0',
      'req-42-1',
    ]);
    expect(sink.records.map((r) => r.requestId)).toEqual(['req-42-0', 'req-42-1']);
    expect(sink.records[0]).toMatchObject({
      recordId: 'r1',
      model: 'credit-default',
      version: '3',
      features: RECORD,
      label: res.body[0].label,
    });
    expect(sink.records[1]?.features['income']).toBeNull();
    expect(sink.records[1]?.probability).toBeCloseTo(res.body[1].probability as number, 6);
  });

  it('answers 503 before a model is loaded', async () => {
    const { app, host } = testApp();
    host.model = undefined;
    const res = await request(app).post('/predict').send(RECORD).expect(503);
    expect(res.body.error.code).toBe('MODEL_NOT_READY');
  });

  it('validates against the new model after a swap', async () => {
    const { app, host } = testApp();
    host.swap({
      ...FAKE_MODEL,
      version: '4',
      features: [...FAKE_MODEL.features.slice(0, 3), { name: 'tenure', type: 'numeric' }],
    });
    const res = await request(app).post('/predict').send(RECORD).expect(422);
    expect((res.body.error.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'plan',
      'tenure',
    ]);
  });
});

describe('POST /predict inference log', () => {
  it('logs numbers as the client sent them, not as float32', async () => {
    const { app, sink } = testApp();
    await request(app)
      .post('/predict')
      .send({ ...RECORD, income: 0.153 })
      .expect(200);
    await afterLog();
    expect(sink.records[0]?.features['income']).toBe(0.153);
  });
});
