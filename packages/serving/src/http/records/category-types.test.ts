/**
 * One rule for a JSON number sent for a categorical field, on every JSON entry point: a type
 * error (422) unless the model's categories are all numbers ("1", "2", "3"), where 2 is "2".
 */
import request from 'supertest';
import { fakeProbability } from '../test-support/fake-host.js';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

// FakeHost: region's categories are north/south/east (text), plan's are 1/2/3 (numbers).
const NUMBER_REGION = { ...RECORD, region: 7 };
const NUMBER_PLAN = { ...RECORD, plan: 3 };

function v2Inputs(record: Record<string, unknown>): unknown[] {
  return Object.entries(record).map(([name, value]) => ({
    name,
    datatype: typeof RECORD[name as keyof typeof RECORD] === 'number' ? 'FP32' : 'BYTES',
    shape: [1],
    data: [value],
  }));
}

describe('a number for a categorical field', () => {
  it('is a 422 on /predict when the categories are text, like a boolean', async () => {
    const { app } = testApp();
    const res = await request(app).post('/predict').send([NUMBER_REGION, RECORD]).expect(422);
    expect(res.body.error.details).toEqual([
      {
        path: '[0].region',
        problem: expect.stringMatching(/expected a category \(string\).*number \(7\).*as a string/),
      },
    ]);
  });

  it('names the same category as its string where the categories are numbers', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .send([NUMBER_PLAN, { ...RECORD, plan: '3' }])
      .expect(200);
    const p = fakeProbability({ ...RECORD, plan: '3' });
    expect(res.body[0].probability).toBeCloseTo(p, 6);
    expect(res.body[1].probability).toBeCloseTo(p, 6);
    expect(res.body[0].warnings).toEqual([]);
  });

  it('is a 422 on /invocations (dataframe_records, dataframe_split, inputs)', async () => {
    const { app } = testApp();
    const bodies = [
      { dataframe_records: [NUMBER_REGION] },
      { dataframe_split: { columns: Object.keys(RECORD), data: [Object.values(NUMBER_REGION)] } },
      { inputs: Object.fromEntries(Object.entries(NUMBER_REGION).map(([k, v]) => [k, [v]])) },
    ];
    for (const body of bodies) {
      const res = await request(app).post('/invocations').send(body);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('expected a category (string)');
    }
    const ok = await request(app)
      .post('/invocations')
      .send({ dataframe_records: [NUMBER_PLAN] });
    expect(ok.status).toBe(200);
  });

  it('is a 422 in a /v2 BYTES tensor', async () => {
    const { app } = testApp();
    const bad = await request(app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: v2Inputs(NUMBER_REGION) });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('inputs.region.data[0]');
    await request(app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: v2Inputs(NUMBER_PLAN) })
      .expect(200);
  });

  it('is an error line in /predict/batch JSON lines, the other rows scored', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'application/x-ndjson')
      .send([RECORD, NUMBER_REGION, NUMBER_PLAN].map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(res.text).toContain('expected a category (string)');
    expect(res.text).toContain('region');
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => typeof l['probability'] === 'number')).toHaveLength(2);
  });
});
