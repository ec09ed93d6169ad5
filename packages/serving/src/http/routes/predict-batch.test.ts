import { Secret } from 'mlflow-js-client';
import request from 'supertest';
import { fakeProbability } from '../test-support/fake-host.js';
import { afterLog, closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

const ROWS: readonly Row[] = [
  RECORD,
  { ...RECORD, age: 80, plan: '3' },
  { ...RECORD, age: 20, region: 'south', income: null },
];

interface Row {
  readonly age: number;
  readonly income: number | null;
  readonly region: string;
  readonly plan: string;
}

const toCsv = (rows: readonly Row[], withId = false): string =>
  [
    `${withId ? 'id,' : ''}age,income,region,plan`,
    ...rows.map(
      (r, i) => `${withId ? `r${i},` : ''}${r.age},${r.income ?? ''},${r.region},${r.plan}`,
    ),
  ].join('\n');

const toNdjson = (rows: readonly unknown[]): string =>
  rows.map((r) => JSON.stringify(r)).join('\n');

const lines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('POST /predict/batch', () => {
  it('scores a CSV body into one NDJSON line per row, in order, echoing ids', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(ROWS, true))
      .expect(200)
      .expect('Content-Type', /application\/x-ndjson/);
    const out = lines(res.text);
    expect(out.map((l) => [l['row'], l['id']])).toEqual([
      [0, 'r0'],
      [1, 'r1'],
      [2, 'r2'],
    ]);
    ROWS.forEach((r, i) =>
      expect(out[i]?.['probability']).toBeCloseTo(
        fakeProbability({ ...r, income: r.income ?? NaN }),
        6,
      ),
    );
  });

  it('answers exactly what /predict answers for the same NDJSON records', async () => {
    const { app } = testApp();
    const records = ROWS.map((r, i) => ({ ...r, id: i * 10 }));
    const batch = await request(app)
      .post('/predict/batch')
      .set('X-Request-Id', 'same')
      .set('Content-Type', 'application/x-ndjson')
      .send(toNdjson(records))
      .expect(200);
    const single = await request(app)
      .post('/predict')
      .set('X-Request-Id', 'same')
      .send(records)
      .expect(200);
    const expected = (single.body as Record<string, unknown>[]).map((p, row) => ({
      row,
      id: p['id'],
      request_id: `same-${row}`,
      probability: p['probability'],
      label: p['label'],
      label_index: p['label_index'],
      warnings: p['warnings'],
    }));
    expect(lines(batch.text)).toEqual(expected);
  });

  it('answers CSV when the client accepts text/csv', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'application/x-ndjson')
      .set('Accept', 'text/csv')
      .send(toNdjson(ROWS.slice(0, 2)))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const [header, ...rows] = res.text.trim().split('\n');
    expect(header).toBe('row,id,probability,label,label_index,error,warnings');
    expect(rows.map((r) => r.split(',')[3])).toEqual(
      ROWS.slice(0, 2).map((r) =>
        fakeProbability({ ...r, income: r.income ?? NaN }) >= 0.5 ? 'yes' : 'no',
      ),
    );
  });

  it('reports a bad row in place and still scores the others', async () => {
    const { app, host } = testApp();
    const body = [JSON.stringify(RECORD), '{"age": "old"', JSON.stringify({ ...RECORD, age: 'x' })]
      .concat(JSON.stringify(RECORD))
      .join('\n');
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'application/x-ndjson')
      .send(body)
      .expect(200);
    const out = lines(res.text);
    expect(out.map((l) => l['row'])).toEqual([0, 1, 2, 3]);
    expect(out[1]?.['error']).toMatchObject({ path: '[1]' });
    expect(out[2]?.['error']).toMatchObject({ path: '[2].age' });
    expect(out[3]?.['probability']).toBeCloseTo(fakeProbability(RECORD), 6);
    expect(host.scored.reduce((n, b) => n + b.rows, 0)).toBe(2);
  });

  it('scores rows in chunks, streaming every row back', async () => {
    const { app, host } = testApp();
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...RECORD, age: 20 + (i % 50) }));
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(many))
      .expect(200);
    expect(lines(res.text)).toHaveLength(5000);
    expect(host.scored.map((b) => b.rows)).toEqual([4096, 904]);
  });

  it('logs an inference record per scored row', async () => {
    const { app, sink } = testApp();
    await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(ROWS, true))
      .expect(200);
    await afterLog();
    expect(sink.records.map((r) => r.recordId)).toEqual(['r0', 'r1', 'r2']);
  });

  it('refuses a body over CHAMPION_MAX_BATCH_BODY_BYTES with 413', async () => {
    const { app } = testApp({ config: { maxBatchBodyBytes: 100 } });
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(Array.from({ length: 20 }, () => RECORD)))
      .expect(413);
    expect(res.body.error.code).toBe('BODY_TOO_LARGE');
  });

  it('refuses a CSV header without every feature with the standard error body', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send('age,income,region\n1,2,north')
      .expect(400);
    expect(res.body.error.details).toEqual([
      { path: 'header', problem: 'required column "plan" is missing' },
    ]);
  });

  it('needs the API key when one is configured', async () => {
    const { app } = testApp({ config: { apiKey: undefined } });
    const { app: secured } = testApp({
      config: { apiKey: new Secret('k') },
    });
    await request(app)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(ROWS))
      .expect(200);
    await request(secured)
      .post('/predict/batch')
      .set('Content-Type', 'text/csv')
      .send(toCsv(ROWS))
      .expect(401);
  });
});
