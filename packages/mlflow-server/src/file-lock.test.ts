import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withFileLock } from './file-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'champion-lock-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('never runs two holders at the same time', async () => {
    const lock = { path: path.join(dir, 'x.lock'), pollMs: 10 };
    const events: string[] = [];
    const job = (name: string) => async (): Promise<void> => {
      events.push(`${name} start`);
      await sleep(50);
      events.push(`${name} end`);
    };
    await Promise.all([withFileLock(lock, job('a')), withFileLock(lock, job('b'))]);
    const first = events[0]?.split(' ')[0] ?? '';
    const second = first === 'a' ? 'b' : 'a';
    expect(events).toEqual([`${first} start`, `${first} end`, `${second} start`, `${second} end`]);
  });

  it('takes over a lock left behind by a dead process', async () => {
    const lockPath = path.join(dir, 'x.lock');
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it.
    await writeFile(lockPath, String(4_194_305));
    await expect(
      withFileLock({ path: lockPath, timeoutMs: 1000 }, () => Promise.resolve('ran')),
    ).resolves.toBe('ran');
  });

  it('gives up with LOCK_TIMEOUT while a live process holds the lock', async () => {
    const lockPath = path.join(dir, 'x.lock');
    await writeFile(lockPath, String(process.pid));
    await expect(
      withFileLock({ path: lockPath, timeoutMs: 100, pollMs: 20 }, () => Promise.resolve()),
    ).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
  });
});
