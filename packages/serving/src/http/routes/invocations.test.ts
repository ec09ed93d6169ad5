import request from 'supertest';
import { fakeProbability } from '../test-support/fake-host.js';
import { afterLog, closeTestApps, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const COLUMNS = ['age', 'income', 'region', 'plan'];
const ROWS = [
  [35, 52000, 'north', '2'],
  [70, null, 'east', '3'],
  [22, 12000, 'south', '1'],
];
const RECORDS = ROWS.map((row) => Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]])));

const BODIES: Record<string, object> = {
  dataframe_split: { dataframe_split: { columns: COLUMNS, data: ROWS } },
  'dataframe_split (columns in another order, with index)': {
    dataframe_split: {
      index: [0, 1, 2],
      columns: ['plan', 'region', 'income', 'age'],
      data: ROWS.map((r) => [...r].reverse()),
    },
  },
  dataframe_records: { dataframe_records: RECORDS },
  'instances as records': { instances: RECORDS },
  'instances as rows': { instances: ROWS },
  'inputs as columns': {
    inputs: Object.fromEntries(COLUMNS.map((c, i) => [c, ROWS.map((r) => r[i])])),
  },
  'inputs as records': { inputs: RECORDS },
  'inputs with params': { inputs: RECORDS, params: { anything: 1 } },
};

const CSV = `age,income,region,plan\n35,52000,north,2\n70,,east,3\n22,12000,south,1\n`;

/** FAKE_MODEL's target is text (yes/no): labels are its classes, as MLflow serves the model. */
function expected(): { probability: number; label: string }[] {
  return RECORDS.map((r) => {
    const p = Math.fround(
      fakeProbability({
        age: r['age'] as number,
        income: (r['income'] as number | null) ?? NaN,
        region: r['region'] as string,
        plan: r['plan'] as string,
      }),
    );
    return { probability: p, label: p >= 0.5 ? 'yes' : 'no' };
  });
}

describe('POST /invocations', () => {
  it.each(Object.keys(BODIES))(
    'scores %s like MLflow: {"predictions": [{probability, label}]}',
    async (name) => {
      const { app } = testApp();
      const res = await request(app).post('/invocations').send(BODIES[name]).expect(200);
      expect(res.body).toEqual({ predictions: expected() });
    },
  );

  it('scores text/csv the same as JSON', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'text/csv')
      .send(CSV)
      .expect(200);
    expect(res.body).toEqual({ predictions: expected() });
  });

  it('refuses CSV text sent as a JSON string (only text/csv is read as CSV)', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(CSV))
      .expect(400);
    expect(res.body).toMatchObject({ error_code: 'BAD_REQUEST' });
    expect(res.body.message).toMatch(/must be a JSON object/);
  });

  it('skips a pandas index column and unknown columns in CSV', async () => {
    const { app } = testApp();
    const csv = `,age,income,region,plan,target\n0,35,52000,north,2,yes\n1,70,,east,3,no\n2,22,12000,south,1,no\n`;
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv)
      .expect(200);
    expect(res.body).toEqual({ predictions: expected() });
  });

  it('ignores columns that are not features, as MLflow does', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .send({ dataframe_records: RECORDS.map((r) => ({ ...r, target: 'yes' })) })
      .expect(200);
    expect(res.body).toEqual({ predictions: expected() });
  });

  it('answers errors with MLflow error_code and message plus the details', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .send({ dataframe_split: { columns: COLUMNS, data: [[35, 'x', 'north', '2']] } })
      .expect(422);
    expect(res.body).toMatchObject({
      error_code: 'BAD_REQUEST',
      message: expect.stringContaining('dataframe_split.data[0].income'),
      error: {
        code: 'INVALID_RECORDS',
        details: [{ path: 'dataframe_split.data[0].income', problem: expect.any(String) }],
      },
    });
  });

  it('names a missing column', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .send({ dataframe_split: { columns: ['age', 'income', 'region'], data: [[1, 2, 'north']] } })
      .expect(400);
    expect(res.body.error.details).toEqual([
      { path: 'dataframe_split.columns', problem: 'required column "plan" is missing' },
    ]);
  });

  it('names a bad CSV value by row and column', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'text/csv')
      .send('age,income,region,plan\n35,abc,north,2\n')
      .expect(422);
    expect(res.body.error.details).toEqual([
      { path: '[0].income', problem: expect.stringContaining('expected a number') },
    ]);
  });

  it('refuses a body with two formats', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .send({ instances: RECORDS, inputs: RECORDS })
      .expect(400);
    expect(res.body.error_code).toBe('BAD_REQUEST');
  });

  it('refuses content-type parameters other than charset=utf-8 with 415, as MLflow does', async () => {
    const { app } = testApp();
    await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/json; format=pandas-split')
      .send(JSON.stringify(BODIES['dataframe_split']))
      .expect(415);
  });

  it('refuses parquet and other content types with 415', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/vnd.apache.parquet')
      .send(Buffer.from('PAR1'))
      .expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('POST /invocations request ids', () => {
  it("answers MLflow's body unchanged, the X-Request-Id header, and stores row i as <id>-i", async () => {
    const { app, sink } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('X-Request-Id', 'mlflow-client-7')
      .send(BODIES['dataframe_split'])
      .expect(200);
    expect(res.get('X-Request-Id')).toBe('mlflow-client-7');
    expect(Object.keys(res.body as object)).toEqual(['predictions']);
    await afterLog();
    expect(sink.records.map((r) => r.requestId)).toEqual([
      'mlflow-client-7-0',
      'mlflow-client-7-1',
      'mlflow-client-7-2',
    ]);
  });
});
