/**
 * The /predict and /invocations request schemas in the OpenAPI document (schemas.ts, zod) and the validator that
 * actually checks records (records/) are two pieces of code; this keeps them from drifting: for
 * records built to hit every rule (types, missing and extra fields, float32 range, known, unseen
 * and numeric categories, ids), the document accepts a record exactly when /predict does.
 */
import request from 'supertest';
import { FAKE_MODEL } from '../test-support/fake-host.js';
import { closeTestApps, RECORD, testApp } from '../test-support/fixtures.js';
import { invocationsRequestSchema, recordSchema } from './schemas.js';

afterEach(closeTestApps);

const VALUES: readonly unknown[] = [
  0,
  -1.5,
  35,
  3.5e38,
  -3.5e38,
  null,
  '',
  'north',
  'elsewhere',
  '2',
  2,
  '35',
  true,
  [],
  {},
];

/** RECORD with one field replaced, removed, or one field added. */
function variants(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{ ...RECORD }];
  for (const field of Object.keys(RECORD)) {
    for (const value of VALUES) out.push({ ...RECORD, [field]: value });
    const without: Record<string, unknown> = { ...RECORD };
    delete without[field];
    out.push(without);
  }
  for (const id of ['a-1', 7, null, true]) out.push({ ...RECORD, id });
  out.push({ ...RECORD, extra: 1 });
  return out;
}

describe.each(['missing', 'reject'] as const)('unseen categories: %s', (unseen) => {
  it('the document accepts a /predict record exactly when the server does', async () => {
    const { app } = testApp({ config: { unseenCategories: unseen } });
    const schema = recordSchema(FAKE_MODEL, { unseen, strict: true });
    const disagreements: unknown[] = [];
    for (const record of variants()) {
      const res = await request(app).post('/predict').send(record);
      const served = res.status === 200;
      const documented = schema.safeParse(record).success;
      if (served !== documented) disagreements.push({ record, served, status: res.status });
    }
    expect(disagreements).toEqual([]);
  });
});

describe.each(['missing', 'reject'] as const)('/invocations, unseen categories: %s', (unseen) => {
  it('the document accepts a dataframe_records body exactly when the server does', async () => {
    const { app } = testApp({ config: { unseenCategories: unseen } });
    const schema = invocationsRequestSchema(recordSchema(FAKE_MODEL, { unseen, strict: false }));
    const disagreements: unknown[] = [];
    for (const record of variants()) {
      const body = { dataframe_records: [record] };
      const res = await request(app).post('/invocations').send(body);
      const served = res.status === 200;
      const documented = schema.safeParse(body).success;
      if (served !== documented) disagreements.push({ record, served, status: res.status });
    }
    expect(disagreements).toEqual([]);
  });
});
