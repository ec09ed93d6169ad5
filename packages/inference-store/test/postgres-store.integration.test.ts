/**
 * The PostgreSQL backend against a real server: records and labels round-trip, checkpoints
 * hand out every row exactly once even when another writer commits late, and a tampered row
 * is reported and skipped.
 */
import {
  openInferenceStore,
  type InferenceStore,
  type RecordScan,
  type ServedRecord,
} from '../src/index.js';
import { testRecord } from '../src/test-support/records.js';
import {
  dropSchema,
  freshSchema,
  postgresAvailable,
  withClient,
} from '../src/test-support/index.js';

async function all(scan: RecordScan): Promise<ServedRecord[]> {
  const out: ServedRecord[] = [];
  for await (const r of scan) out.push(r);
  return out;
}

const describePg = postgresAvailable('PostgreSQL store tests') ? describe : describe.skip;

describePg('PostgreSQL inference store', () => {
  const { schema, setting } = freshSchema();
  let store: InferenceStore;
  beforeAll(async () => {
    store = await openInferenceStore({ setting });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('creates its tables and reads back what was written, with labels joined', async () => {
    expect(store.kind).toBe('postgresql');
    store.append([0, 1, 2].map((i) => testRecord(i)));
    await store.flush();
    const outcome = await store.addLabels([
      { request_id: 'req-1', label: 'good' },
      { request_id: 'req-2', label: 7 },
      { request_id: 'gone', label: 'good' },
    ]);
    expect(outcome).toMatchObject({ accepted: 1, unknown: ['gone'] });
    expect(outcome.invalid.map((i) => i.requestId)).toEqual(['req-2']);
    const scan = store.scan();
    const records = await all(scan);
    expect(records.map((r) => [r.requestId, r.trueLabel])).toEqual([
      ['req-0', undefined],
      ['req-1', 'good'],
      ['req-2', undefined],
    ]);
    expect(records[1]).toMatchObject({
      unseen: ['region'],
      features: { age: 1, region: 'atlantis' },
    });
    expect(scan.summary).toMatchObject({ records: 3, labelled: 1, corrupt: 0 });
    expect(await store.countLabels()).toBe(1);
  });

  it('never hands out a checkpoint past a row another writer has not committed yet', async () => {
    const start = store.scan();
    await all(start);
    await withClient(async (late) => {
      await late.query('BEGIN');
      await late.query(
        `INSERT INTO "${schema}".champion_inference_records (time, request_id, record) SELECT now(), 'late', $1::jsonb`,
        [
          JSON.stringify({
            ...JSON.parse('{}'),
            time: new Date().toISOString(),
            request_id: 'late',
            model: 'm',
            version: '1',
            features: {},
            probability: 0.5,
            label: 'good',
          }),
        ],
      );
      store.append([testRecord(10)]);
      await store.flush();
      const during = store.scan({ after: start.summary.checkpoint });
      // The late transaction is still open: nothing after it is handed out yet.
      expect((await all(during)).map((r) => r.requestId)).toEqual([]);
      await late.query('COMMIT');
      const after = store.scan({ after: during.summary.checkpoint });
      expect((await all(after)).map((r) => r.requestId)).toEqual(['late', 'req-10']);
    });
  });

  it('reports and skips a row that is not a stored record', async () => {
    const first = store.scan();
    await all(first);
    await withClient((c) =>
      c.query(
        `INSERT INTO "${schema}".champion_inference_records (time, request_id, record) VALUES (now(), 'bad', '{"hello": 1}')`,
      ),
    );
    store.append([testRecord(11)]);
    await store.flush();
    const scan = store.scan({ after: first.summary.checkpoint });
    expect((await all(scan)).map((r) => r.requestId)).toEqual(['req-11']);
    expect(scan.summary.corrupt).toBe(1);
    expect(scan.summary.problems[0]?.where).toMatch(/^row \d+$/);
  });

  it('fails at open with a clear message when the server is not there', async () => {
    await expect(
      openInferenceStore({ setting: 'postgresql://postgres@127.0.0.1:1/test' }),
    ).rejects.toThrow(
      /Cannot use the PostgreSQL inference store postgresql:\/\/postgres@127.0.0.1:1\/test/,
    );
  });
});
