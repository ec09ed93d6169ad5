/** Labels have the training target's type on /predict, /invocations and /v2. */
import request from 'supertest';
import type { ServedModel } from '@champion/runtime';
import { FAKE_MODEL, FakeHost } from '../test-support/fake-host.js';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

// age 80 and plan 3 score positive, the plain RECORD negative.
const RECORDS = [RECORD, { ...RECORD, age: 80, plan: '3' }];

function withTarget(target: ServedModel['target']): FakeHost {
  return new FakeHost({ ...FAKE_MODEL, target });
}

async function labels(host: FakeHost): Promise<Record<string, unknown[]>> {
  const { app } = testApp({ host });
  const predict = await request(app).post('/predict').send(RECORDS).expect(200);
  const invocations = await request(app)
    .post('/invocations')
    .send({ dataframe_records: RECORDS })
    .expect(200);
  const v2 = await request(app)
    .post('/v2/models/credit-default/infer')
    .send({
      inputs: Object.keys(RECORD).map((name) => ({
        name,
        datatype: name === 'age' || name === 'income' ? 'FP32' : 'BYTES',
        shape: [2],
        data: RECORDS.map((r) => r[name as keyof typeof RECORD]),
      })),
    })
    .expect(200);
  const batch = await request(app)
    .post('/predict/batch')
    .set('Content-Type', 'application/x-ndjson')
    .send(RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n')
    .expect(200);
  const v2Label = (v2.body.outputs as { name: string; data: unknown[] }[]).find(
    (o) => o.name === 'label',
  );
  return {
    predict: (predict.body as { label: unknown }[]).map((p) => p.label),
    invocations: (invocations.body.predictions as { label: unknown }[]).map((p) => p.label),
    v2: v2Label?.data ?? [],
    batch: batch.text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { label: unknown }).label),
  };
}

describe('label type', () => {
  it('is the number 0/1 everywhere when the training target was numeric 0/1', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: '1', negative: '0', type: 'numeric' }),
    );
    expect(got).toEqual({ predict: [0, 1], invocations: [0, 1], v2: [0, 1], batch: [0, 1] });
  });

  it('is the class text on /predict when the training target was text', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: 'yes', negative: 'no', type: 'text' }),
    );
    expect(got.predict).toEqual(['no', 'yes']);
    expect(got.batch).toEqual(['no', 'yes']);
  });

  it('stays the class text on /predict for a model whose schema does not say', async () => {
    const got = await labels(withTarget({ name: 'default', positive: '1', negative: '0' }));
    expect(got.predict).toEqual(['0', '1']);
  });

  it('is typed the same in the OpenAPI document', async () => {
    const { app } = testApp({
      host: withTarget({ name: 'default', positive: '1', negative: '0', type: 'numeric' }),
    });
    const doc = (await request(app).get('/openapi.json').expect(200)).text;
    expect(doc).toMatch(/"label":\{[^}]*"enum":\[0,1\]/);
  });
});
