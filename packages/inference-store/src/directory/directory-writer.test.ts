import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryWriter as InferenceLog } from './directory-writer.js';
import type { InferenceRecord } from '../record.js';

function record(i: number): InferenceRecord {
  return {
    requestId: `req-${i}`,
    recordId: i,
    model: 'credit',
    version: '3',
    features: { age: i, region: i % 2 === 0 ? 'north' : null },
    probability: i / 1000,
    label: i % 2 === 0 ? 'good' : 'bad',
    classes: ['good', 'bad'],
  };
}

/** Every line in every file of `dir`, files in name order. */
async function readAll(
  dir: string,
): Promise<{ files: string[]; lines: Record<string, unknown>[] }> {
  const files = (await readdir(dir)).sort();
  const lines: Record<string, unknown>[] = [];
  for (const f of files) {
    const text = await readFile(join(dir, f), 'utf8');
    for (const line of text.split('\n').filter((l) => l !== ''))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  return { files, lines };
}

describe('InferenceLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inference-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON line per prediction with the fields the monitor reads', async () => {
    const log = new InferenceLog({ dir, clock: () => new Date('2025-03-04T05:06:07.000Z') });
    log.append([record(4)]);
    await log.close();
    const { lines } = await readAll(dir);
    expect(lines).toEqual([
      {
        time: '2025-03-04T05:06:07.000Z',
        request_id: 'req-4',
        record_id: 4,
        model: 'credit',
        version: '3',
        features: { age: 4, region: 'north' },
        probability: 0.004,
        label: 'good',
        classes: ['good', 'bad'],
      },
    ]);
  });

  it('holds lines in memory until flushed and writes them all on close', async () => {
    const log = new InferenceLog({ dir, flushIntervalMs: 60_000 });
    log.append([1, 2, 3].map(record));
    expect(await readdir(dir)).toEqual([]);
    await log.close();
    expect((await readAll(dir)).lines.map((l) => l['request_id'])).toEqual([
      'req-1',
      'req-2',
      'req-3',
    ]);
  });

  it('starts a new file when the size cap would be exceeded, without losing or splitting lines', async () => {
    const log = new InferenceLog({ dir, maxFileBytes: 600, flushBytes: 300 });
    for (let i = 0; i < 50; i++) log.append([record(i)]);
    await log.close();
    const { files, lines } = await readAll(dir);
    expect(files.length).toBeGreaterThan(3);
    expect(lines.map((l) => l['record_id'])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(600);
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  it('starts a new file when the UTC day changes', async () => {
    let now = new Date('2025-03-04T23:59:59.000Z');
    const log = new InferenceLog({ dir, clock: () => now });
    log.append([record(1)]);
    now = new Date('2025-03-05T00:00:01.000Z');
    log.append([record(2)]);
    await log.close();
    expect((await readdir(dir)).sort()).toEqual([
      'inference-2025-03-04-0001.jsonl',
      'inference-2025-03-05-0001.jsonl',
    ]);
    const day2 = await readFile(join(dir, 'inference-2025-03-05-0001.jsonl'), 'utf8');
    expect(day2).toContain('"req-2"');
  });

  it("continues today's latest file after a restart", async () => {
    const clock = (): Date => new Date('2025-03-04T10:00:00.000Z');
    const first = new InferenceLog({ dir, clock });
    first.append([record(1)]);
    await first.close();
    const second = new InferenceLog({ dir, clock });
    second.append([record(2)]);
    await second.close();
    const { files, lines } = await readAll(dir);
    expect(files).toEqual(['inference-2025-03-04-0001.jsonl']);
    expect(lines).toHaveLength(2);
  });

  it('logs a failed write instead of throwing, and writes the lines once the directory is usable', async () => {
    const errors: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (m: string) => void errors.push(m),
    };
    const blocked = join(dir, 'not-a-dir');
    await writeFile(blocked, 'x');
    const log = new InferenceLog({ dir: join(blocked, 'logs'), logger });
    log.append([record(1)]);
    await log.flush();
    expect(errors).toHaveLength(1);
    expect(log.counts).toMatchObject({ written: 0, buffered: 1 });
    await rm(blocked);
    await log.close();
    expect((await readAll(join(blocked, 'logs'))).lines).toHaveLength(1);
  });

  it('stores a record with a 31 MB category as one bounded line', async () => {
    const log = new InferenceLog({ dir });
    const huge = 'n'.repeat(31 * 1024 * 1024);
    log.append([{ ...record(1), features: { age: 1, region: huge } }]);
    await log.close();
    const [file] = await readdir(dir);
    const text = await readFile(join(dir, file ?? ''), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThan(2048);
    const { lines } = await readAll(dir);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.['truncated']).toEqual({ 'features.region': huge.length });
  });

  it('deletes the oldest rotated files when the directory outgrows its limit, never the active one', async () => {
    const deleted: unknown[] = [];
    const logger = {
      debug: () => undefined,
      info: (m: string, meta?: Record<string, unknown>) =>
        void (m.includes('deleted') && deleted.push(meta?.['file'])),
      warn: () => undefined,
      error: () => undefined,
    };
    const log = new InferenceLog({
      dir,
      maxFileBytes: 600,
      flushBytes: 1,
      limits: { maxTotalBytes: 2000 },
      logger,
    });
    for (let i = 0; i < 60; i++) {
      log.append([record(i)]);
      await log.flush();
    }
    await log.close();
    const { files, lines } = await readAll(dir);
    const sizes = await Promise.all(files.map((f) => readFile(join(dir, f))));
    const total = sizes.reduce((sum, b) => sum + b.length, 0);
    // Retention runs at each rotation: at most the limit plus the file being started.
    expect(total).toBeLessThanOrEqual(2000 + 600);
    expect(deleted.length).toBeGreaterThan(3);
    // The newest records (the file written last) are all there; the oldest are gone.
    expect(lines.at(-1)?.['record_id']).toBe(59);
    expect(lines[0]?.['record_id']).not.toBe(0);
    expect(files).not.toContain(deleted.at(-1));
  });

  it('drops and counts records appended after close', async () => {
    const log = new InferenceLog({ dir });
    await log.close();
    log.append([record(1)]);
    expect(log.counts.dropped).toBe(1);
  });
});
