import request from 'supertest';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

interface Detail {
  path: string;
  problem: string;
}

async function problems(
  body: unknown,
  config = {},
): Promise<{ status: number; details: Detail[]; text: string }> {
  const { app } = testApp({ config });
  const res = await request(app)
    .post('/predict')
    .send(body as object);
  return { status: res.status, details: res.body.error?.details ?? [], text: res.text };
}

describe('/predict validation', () => {
  it('names an unknown field', async () => {
    const r = await problems({ ...RECORD, salary: 1 });
    expect(r.status).toBe(422);
    expect(r.details).toEqual([
      { path: 'salary', problem: expect.stringContaining('unknown field') },
    ]);
  });

  it('names a field absent from the record and says to send null', async () => {
    const { income: _income, ...rest } = RECORD;
    const r = await problems(rest);
    expect(r.details).toEqual([{ path: 'income', problem: expect.stringContaining('send null') }]);
  });

  it('rejects a string where a number is expected, including "NaN"', async () => {
    const r = await problems([
      { ...RECORD, age: '35' },
      { ...RECORD, income: 'NaN' },
    ]);
    expect(r.status).toBe(422);
    expect(r.details.map((d) => d.path)).toEqual(['[0].age', '[1].income']);
    expect(r.details[0]?.problem).toContain('expected a number');
  });

  it('rejects booleans, objects and arrays as values', async () => {
    const r = await problems({ age: true, income: {}, region: ['north'], plan: false });
    expect(r.details.map((d) => d.path)).toEqual(['age', 'income', 'region', 'plan']);
  });

  it('rejects a number too large for float32', async () => {
    const r = await problems({ ...RECORD, income: 1e39 });
    expect(r.details).toEqual([
      { path: 'income', problem: expect.stringContaining('out of range') },
    ]);
  });

  it('rejects an unseen category when configured to', async () => {
    const r = await problems({ ...RECORD, region: 'west' }, { unseenCategories: 'reject' });
    expect(r.status).toBe(422);
    expect(r.details).toEqual([
      { path: 'region', problem: expect.stringMatching(/unknown category "west".*"north"/) },
    ]);
  });

  it('names every bad field of every record in one response', async () => {
    const records = [
      RECORD,
      RECORD,
      RECORD,
      { age: 'x', income: 1, region: 5.5, plan: null, extra: 1 },
    ];
    const r = await problems(records, { unseenCategories: 'reject' });
    expect(r.details.map((d) => d.path)).toEqual(['[3].age', '[3].region', '[3].extra']);
  });

  it('rejects a record that is not an object', async () => {
    const r = await problems([RECORD, 42]);
    expect(r.details).toEqual([{ path: '[1]', problem: expect.stringContaining('object') }]);
  });

  it('rejects an id that is neither a string nor a number', async () => {
    const r = await problems({ ...RECORD, id: { a: 1 } });
    expect(r.details).toEqual([{ path: 'id', problem: expect.stringContaining('id') }]);
  });

  it('rejects a body that is neither an object nor an array', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/predict')
      .set('Content-Type', 'application/json')
      .send('"hello"');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_BODY');
  });

  it('rejects an empty array', async () => {
    const r = await problems([]);
    expect(r.status).toBe(400);
  });
});
