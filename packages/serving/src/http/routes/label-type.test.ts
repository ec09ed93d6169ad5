/** Labels have the training target's type on /predict, /predict/batch, /invocations and /v2. */
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

interface V2Label {
  name: string;
  datatype: string;
  data: unknown[];
}

async function labels(host: FakeHost): Promise<Record<string, unknown>> {
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
  const metadata = await request(app).get('/v2/models/credit-default').expect(200);
  const batch = await request(app)
    .post('/predict/batch')
    .set('Content-Type', 'application/x-ndjson')
    .send(RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n')
    .expect(200);
  const v2Label = (v2.body.outputs as V2Label[]).find((o) => o.name === 'label');
  const metaLabel = (metadata.body.outputs as V2Label[]).find((o) => o.name === 'label');
  return {
    predict: (predict.body as { label: unknown }[]).map((p) => p.label),
    invocations: (invocations.body.predictions as { label: unknown }[]).map((p) => p.label),
    v2: v2Label?.data,
    batch: batch.text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { label: unknown }).label),
    v2Datatype: v2Label?.datatype,
    v2MetadataDatatype: metaLabel?.datatype,
  };
}

const everywhere = (values: unknown[], datatype: string): Record<string, unknown> => ({
  predict: values,
  invocations: values,
  v2: values,
  batch: values,
  v2Datatype: datatype,
  v2MetadataDatatype: datatype,
});

describe('label type', () => {
  it('is the number 0/1 everywhere (INT64 on /v2) when the training target was numeric 0/1', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: '1', negative: '0', type: 'numeric' }),
    );
    expect(got).toEqual(everywhere([0, 1], 'INT64'));
  });

  it('is the class value, not the class index, for a numeric target coded 1/2', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: '2', negative: '1', type: 'numeric' }),
    );
    expect(got).toEqual(everywhere([1, 2], 'INT64'));
  });

  it('is the class text everywhere (BYTES on /v2) when the training target was text', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: 'bad', negative: 'good', type: 'text' }),
    );
    expect(got).toEqual(everywhere(['good', 'bad'], 'BYTES'));
  });

  it('is a number (FP64 on /v2) for a numeric target with fractional classes', async () => {
    const got = await labels(
      withTarget({ name: 'default', positive: '0.5', negative: '-0.5', type: 'numeric' }),
    );
    expect(got).toEqual(everywhere([-0.5, 0.5], 'FP64'));
  });

  it('reads a model whose schema does not record the type from how its classes are written', async () => {
    expect(await labels(withTarget({ name: 'default', positive: '1', negative: '0' }))).toEqual(
      everywhere([0, 1], 'INT64'),
    );
    expect(await labels(withTarget({ name: 'default', positive: 'yes', negative: 'no' }))).toEqual(
      everywhere(['no', 'yes'], 'BYTES'),
    );
  });

  it('is typed the same in the OpenAPI document', async () => {
    const { app } = testApp({
      host: withTarget({ name: 'default', positive: '1', negative: '0', type: 'numeric' }),
    });
    const doc = (await request(app).get('/openapi.json').expect(200)).text;
    const schemas = (JSON.parse(doc) as { components: { schemas: Record<string, unknown> } })
      .components.schemas;
    expect(JSON.stringify(schemas['Prediction'])).toMatch(/"label":\{[^}]*"enum":\[0,1\]/);
    expect(JSON.stringify(schemas['InvocationsResponse'])).toMatch(/"label":\{[^}]*"enum":\[0,1\]/);
  });
});
