/**
 * Both job stores keep what they are given and hand it back validated: a record survives a new
 * store instance (a restart), the list is newest first, an unknown or malformed id is simply not
 * found, and a record that was tampered with is reported by name instead of being shown.
 * The PostgreSQL store runs when CHAMPION_TEST_POSTGRES_URL (or the default) answers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  dropSchema,
  freshSchema,
  postgresAvailable,
  withClient,
} from '@champion/inference-store/test-support';
import { FileJobStore } from './file-store.js';
import type { Job } from './job.js';
import { PgJobStore } from './pg-store.js';
import type { JobStore } from './store.js';

const job = (id: string, createdAt: string): Job => ({
  id,
  kind: 'train',
  name: 'm',
  args: ['train'],
  status: 'queued',
  createdAt,
});
const A = job('6d1c5a7e-3f7a-4c1e-9a51-2b7f0d1e9c11', '2026-01-01T00:00:00.000Z');
const B = job('0b6e6f43-2b1f-4a43-8f5e-6a3c1d2e4f50', '2026-01-02T00:00:00.000Z');

interface Fixture {
  open(): JobStore;
  tamper(id: string): Promise<void>;
  done(): Promise<void>;
}

function fileFixture(): Fixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'champion-store-'));
  return {
    open: () => new FileJobStore(dir),
    tamper: (id) => Promise.resolve(writeFileSync(path.join(dir, `${id}.json`), '{"id": 3}')),
    done: () => Promise.resolve(),
  };
}

function pgFixture(): Fixture {
  const { schema, setting } = freshSchema();
  const opened: PgJobStore[] = [];
  return {
    open: () => {
      const store = new PgJobStore(setting);
      opened.push(store);
      return store;
    },
    tamper: (id) =>
      withClient(
        async (c) =>
          void (await c.query(
            `UPDATE "${schema}".champion_control_jobs SET record = '{"id": 3}' WHERE id = $1`,
            [id],
          )),
      ),
    done: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await dropSchema(schema);
    },
  };
}

const backends: [string, () => Fixture][] = [['file', fileFixture]];
if (postgresAvailable('control job store')) backends.push(['postgresql', pgFixture]);

describe.each(backends)('the %s job store', (_name, make) => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = make();
  });
  afterEach(() => fixture.done());

  it('keeps records across instances, newest first, the latest write winning', async () => {
    const store = fixture.open();
    await store.put(A);
    await store.put(B);
    await store.put({ ...A, status: 'running', startedAt: '2026-01-01T00:00:01.000Z' });
    const again = fixture.open();
    expect(await again.get(A.id)).toEqual({
      ...A,
      status: 'running',
      startedAt: '2026-01-01T00:00:01.000Z',
    });
    expect((await again.list()).map((j) => j.id)).toEqual([B.id, A.id]);
  });

  it('finds nothing for an unknown or malformed id', async () => {
    const store = fixture.open();
    expect(await store.get(B.id)).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
  });

  it('reports a tampered record by its id', async () => {
    const store = fixture.open();
    await store.put(A);
    await fixture.tamper(A.id);
    await expect(store.get(A.id)).rejects.toThrow(A.id);
  });
});
