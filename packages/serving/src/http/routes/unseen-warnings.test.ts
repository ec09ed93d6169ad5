/**
 * Unseen categories scored as missing are reported on every scoring route, in the place each
 * response format allows: per record on /predict and /predict/batch, beside the predictions on
 * /invocations (`warnings`) and in the response parameters on /v2.
 */
import request from 'supertest';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const UNSEEN = { ...RECORD, region: 'atlantis' };
const WARNING = { field: 'region', problem: "unseen category 'atlantis' scored as missing" };

function v2Inputs(records: readonly Record<string, unknown>[]): unknown[] {
  return Object.keys(RECORD).map((name) => ({
    name,
    datatype: name === 'age' || name === 'income' ? 'FP32' : 'BYTES',
    shape: [records.length],
    data: records.map((r) => r[name]),
  }));
}

describe('unseen categories', () => {
  it('are listed beside the /invocations predictions with their row', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .send({ dataframe_records: [RECORD, UNSEEN] })
      .expect(200);
    expect(res.body.predictions).toHaveLength(2);
    expect(res.body.warnings).toEqual([{ row: 1, ...WARNING }]);
  });

  it('leave the /invocations answer exactly MLflow-shaped when there are none', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'text/csv')
      .send('age,income,region,plan\n35,52000,north,2\n')
      .expect(200);
    expect(Object.keys(res.body as object)).toEqual(['predictions']);
  });

  it('are in the /v2 response parameters as a JSON text, only when there are any', async () => {
    const { app } = testApp();
    const withUnseen = await request(app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: v2Inputs([UNSEEN, RECORD]) })
      .expect(200);
    const parameters = withUnseen.body.parameters as { warnings: string };
    expect(JSON.parse(parameters.warnings)).toEqual([{ row: 0, ...WARNING }]);
    const without = await request(app)
      .post('/v2/models/credit-default/infer')
      .send({ inputs: v2Inputs([RECORD]) })
      .expect(200);
    expect(without.body.parameters).toBeUndefined();
  });

  it('are on their own line of /predict/batch, also after a bad row was left out', async () => {
    const { app } = testApp();
    const body = [RECORD, { ...RECORD, age: 'old' }, UNSEEN].map((r) => JSON.stringify(r));
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'application/x-ndjson')
      .send(body.join('\n'))
      .expect(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row: number; warnings?: unknown; error?: unknown });
    expect(lines.map((l) => [l.row, l.warnings ?? 'error'])).toEqual([
      [0, []],
      [1, 'error'],
      [2, [WARNING]],
    ]);
  });

  it('fill the warnings column of a CSV /predict/batch answer', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .set('Accept', 'text/csv')
      .send('age,income,region,plan\n35,52000,north,2\n35,52000,atlantis,2\n')
      .expect(200);
    const [header, ...rows] = res.text.trim().split('\n');
    expect(header?.split(',').at(-1)).toBe('warnings');
    expect(rows.map((r) => r.split(',').at(-1))).toEqual([
      '',
      "region: unseen category 'atlantis' scored as missing",
    ]);
  });
});
