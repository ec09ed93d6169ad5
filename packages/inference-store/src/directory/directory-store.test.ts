import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featuresAsUsed, recordLine, type ServedRecord } from '../record.js';
import type { RecordScan } from '../store.js';
import { testRecord } from '../test-support/records.js';
import { DirectoryStore } from './directory-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all(scan: RecordScan): Promise<ServedRecord[]> {
  const out: ServedRecord[] = [];
  for await (const r of scan) out.push(r);
  return out;
}

async function written(count: number, first = 0): Promise<DirectoryStore> {
  const store = new DirectoryStore({ dir });
  store.append(Array.from({ length: count }, (_, i) => testRecord(first + i)));
  await store.flush();
  return store;
}

describe('directory store reader', () => {
  it('reads back every record written, oldest first, with features as received and as used', async () => {
    const store = await written(5);
    const records = await all(store.scan());
    expect(records.map((r) => r.requestId)).toEqual(['req-0', 'req-1', 'req-2', 'req-3', 'req-4']);
    expect(records[1]).toMatchObject({
      model: 'credit',
      version: '3',
      features: { age: 1, region: 'atlantis' },
      unseen: ['region'],
      label: 'bad',
      classes: ['good', 'bad'],
    });
    expect(featuresAsUsed(records[1] as ServedRecord)).toEqual({ age: 1, region: null });
    await store.close();
  });

  it('continues after a checkpoint with only what was written since', async () => {
    const store = await written(3);
    const first = store.scan();
    expect(await all(first)).toHaveLength(3);
    store.append([testRecord(3), testRecord(4)]);
    await store.flush();
    const second = store.scan({ after: first.summary.checkpoint });
    expect((await all(second)).map((r) => r.requestId)).toEqual(['req-3', 'req-4']);
    const third = store.scan({ after: second.summary.checkpoint });
    expect(await all(third)).toEqual([]);
    expect(third.summary.checkpoint).toBe(second.summary.checkpoint);
    await store.close();
  });

  it('reads a time range: skips records before `from`, stops before `to`', async () => {
    const store = new DirectoryStore({ dir });
    const at = (s: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    store.append([0, 1, 2, 3, 4].map((s) => testRecord(s, { time: at(s) })));
    await store.flush();
    const scan = store.scan({ from: at(1), to: at(3) });
    expect((await all(scan)).map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
    const rest = store.scan({ after: scan.summary.checkpoint });
    expect((await all(rest)).map((r) => r.requestId)).toEqual(['req-3', 'req-4']);
    await store.close();
  });

  it('counts and skips corrupt lines and a torn last line, reading every record around them', async () => {
    const store = await written(2);
    await store.close();
    const [segment] = await readdir(dir);
    const path = join(dir, segment ?? '');
    await appendFile(path, 'not json\n{"time":"2026-01-01T00:00:00.000Z","request_id":"x"}\n');
    await appendFile(path, '{"time":"2026-01-01T00:00:00.000Z","requ'); // torn by a crash
    const after = await written(2, 2); // a restarted writer
    const scan = after.scan();
    expect((await all(scan)).map((r) => r.requestId)).toEqual(['req-0', 'req-1', 'req-2', 'req-3']);
    expect(scan.summary.corrupt).toBe(3);
    expect(scan.summary.problems.map((p) => p.problem)).toEqual([
      'not JSON',
      expect.stringContaining('not a stored record'),
      'torn last line (no newline): skipped',
    ]);
    expect(await readdir(dir)).toHaveLength(2); // the restart did not append to the torn file
    await after.close();
  });

  it('stops before an incomplete last line of the newest segment and reads it once complete', async () => {
    const store = await written(1);
    await store.close();
    const [segment] = await readdir(dir);
    const path = join(dir, segment ?? '');
    const line = recordLine(testRecord(1), new Date());
    await appendFile(path, line.slice(0, 20));
    const scan = store.scan();
    expect(await all(scan)).toHaveLength(1);
    expect(scan.summary.corrupt).toBe(0);
    await appendFile(path, `${line.slice(20)}\n`);
    const next = store.scan({ after: scan.summary.checkpoint });
    expect((await all(next)).map((r) => r.requestId)).toEqual(['req-1']);
  });

  it('joins labels, refusing unknown request ids and labels outside the model classes', async () => {
    const store = await written(3);
    const outcome = await store.addLabels([
      { request_id: 'req-0', label: 'bad' },
      { request_id: 'req-1', label: 'maybe' },
      { request_id: 'nope', label: 'good' },
    ]);
    expect(outcome).toEqual({
      accepted: 1,
      unknown: ['nope'],
      invalid: [expect.objectContaining({ requestId: 'req-1', label: 'maybe' })],
    });
    const scan = store.scan();
    const records = await all(scan);
    expect(records.map((r) => r.trueLabel)).toEqual(['bad', undefined, undefined]);
    expect(scan.summary.labelled).toBe(1);
    expect(await store.countLabels()).toBe(1);
    await store.close();
  });

  it('refuses a checkpoint it did not issue', async () => {
    const store = await written(1);
    const scan = store.scan({ after: 'pg1:5:6' });
    await expect(all(scan)).rejects.toThrow(/not a directory checkpoint/);
    await store.close();
  });

  it('streams 200,000 records (a 10+ MB segment) in write order', async () => {
    const store = new DirectoryStore({ dir });
    for (let i = 0; i < 200_000; i += 10_000) {
      store.append(Array.from({ length: 10_000 }, (_, j) => testRecord(i + j)));
      await store.flush();
    }
    let n = 0;
    for await (const record of store.scan()) if (record.requestId === `req-${n}`) n++;
    expect(n).toBe(200_000);
    // The same records in pages.
    let paged = 0;
    const scan = store.scan();
    for await (const page of scan.pages())
      for (const record of page) if (record.requestId === `req-${paged}`) paged++;
    expect(paged).toBe(200_000);
    expect(scan.summary.records).toBe(200_000);
    const size = (await stat(join(dir, (await readdir(dir))[0] ?? ''))).size;
    expect(size).toBeGreaterThan(10_000_000);
    await store.close();
  });
});
