import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreLogger as Logger } from '../logger.js';
import { applyRetention } from './retention.js';

const NOW = new Date('2025-03-20T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retention-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a log file of `bytes` bytes last modified `daysAgo` days before NOW. */
async function file(options: { name: string; bytes: number; daysAgo: number }): Promise<void> {
  const path = join(dir, options.name);
  await writeFile(path, 'x'.repeat(options.bytes));
  const when = new Date(NOW.getTime() - options.daysAgo * DAY);
  await utimes(path, when, when);
}

function recording(): { logger: Logger; infos: Record<string, unknown>[] } {
  const infos: Record<string, unknown>[] = [];
  const noop = (): void => undefined;
  return {
    infos,
    logger: {
      debug: noop,
      warn: noop,
      error: noop,
      info: (_m, meta = {}) => void infos.push(meta),
    },
  };
}

describe('inference log retention', () => {
  it('deletes rotated files older than the age limit and logs each deletion', async () => {
    await file({ name: 'inference-2025-02-01-0001.jsonl', bytes: 10, daysAgo: 47 });
    await file({ name: 'inference-2025-03-10-0001.jsonl', bytes: 10, daysAgo: 10 });
    await file({ name: 'inference-2025-03-20-0001.jsonl', bytes: 10, daysAgo: 0 });
    const { logger, infos } = recording();
    const deleted = await applyRetention({
      dir,
      prefix: 'inference',
      limits: { maxAgeDays: 30, maxTotalBytes: 1e9 },
      active: 'inference-2025-03-20-0001.jsonl',
      now: NOW,
      logger,
    });
    expect(deleted).toEqual([
      { file: 'inference-2025-02-01-0001.jsonl', reason: 'age', bytes: 10 },
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      'inference-2025-03-10-0001.jsonl',
      'inference-2025-03-20-0001.jsonl',
    ]);
    expect(infos).toEqual([
      expect.objectContaining({ file: 'inference-2025-02-01-0001.jsonl', reason: 'age' }),
    ]);
  });

  it('deletes the oldest files beyond the size limit and keeps the active one', async () => {
    // Oldest first: 0001..0004 of 100 bytes each; the active file alone is over the limit.
    for (let i = 1; i <= 4; i++)
      await file({ name: `inference-2025-03-19-000${i}.jsonl`, bytes: 100, daysAgo: 5 - i });
    await file({ name: 'inference-2025-03-20-0001.jsonl', bytes: 300, daysAgo: 0 });
    const deleted = await applyRetention({
      dir,
      prefix: 'inference',
      limits: { maxAgeDays: 30, maxTotalBytes: 500 },
      active: 'inference-2025-03-20-0001.jsonl',
      now: NOW,
      logger: recording().logger,
    });
    expect(deleted.map((d) => [d.file, d.reason])).toEqual([
      ['inference-2025-03-19-0001.jsonl', 'size'],
      ['inference-2025-03-19-0002.jsonl', 'size'],
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      'inference-2025-03-19-0003.jsonl',
      'inference-2025-03-19-0004.jsonl',
      'inference-2025-03-20-0001.jsonl',
    ]);
  });

  it('never deletes the file being written, even when it is over every limit', async () => {
    await file({ name: 'inference-2025-01-01-0001.jsonl', bytes: 1000, daysAgo: 80 });
    await file({ name: 'inference-2025-01-02-0001.jsonl', bytes: 1000, daysAgo: 79 });
    const deleted = await applyRetention({
      dir,
      prefix: 'inference',
      limits: { maxAgeDays: 1, maxTotalBytes: 10 },
      active: 'inference-2025-01-01-0001.jsonl',
      now: NOW,
      logger: recording().logger,
    });
    // The active one stays; so does the newest (what a restart would continue).
    expect(deleted).toEqual([]);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('leaves files that are not inference log files alone', async () => {
    await file({ name: 'notes.txt', bytes: 5000, daysAgo: 400 });
    await file({ name: 'other-2025-01-01-0001.jsonl', bytes: 5000, daysAgo: 400 });
    await file({ name: 'inference-2025-03-20-0001.jsonl', bytes: 10, daysAgo: 0 });
    await applyRetention({
      dir,
      prefix: 'inference',
      limits: { maxAgeDays: 1, maxTotalBytes: 10 },
      active: undefined,
      now: NOW,
      logger: recording().logger,
    });
    expect((await readdir(dir)).sort()).toEqual([
      'inference-2025-03-20-0001.jsonl',
      'notes.txt',
      'other-2025-01-01-0001.jsonl',
    ]);
  });
});
