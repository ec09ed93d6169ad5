import { open, readFile, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { MlflowServerError } from './errors.js';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** The lock file; created exclusively, holds the owner's pid. */
  path: string;
  /** Give up after this long. @default 900000 (15 min: a cold pip install can be slow) */
  timeoutMs?: number;
  /** @default 500 */
  pollMs?: number;
  /** Called once when the lock is held by another live process and we start waiting. */
  onWait?: (ownerPid: number) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryAcquire(path: string): Promise<number | 'acquired'> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return 'acquired';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
  return Number.isFinite(owner) ? owner : 0;
}

/**
 * Runs `fn` while holding an exclusive lock file, so two processes (two test runs, a test run
 * and `champion mlflow up`) never build the same venv at once. A lock left by a dead process is
 * taken over; one whose owner is unknown (empty file, being written) is retried.
 */
export async function withFileLock<T>(options: FileLockOptions, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 900_000);
  let announced = false;
  for (;;) {
    const owner = await tryAcquire(options.path);
    if (owner === 'acquired') break;
    if (owner > 0 && !isAlive(owner)) {
      await unlink(options.path).catch(() => undefined);
      continue;
    }
    if (!announced && owner > 0) {
      options.onWait?.(owner);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new MlflowServerError(
        'LOCK_TIMEOUT',
        `Timed out waiting for the lock ${options.path} (held by pid ${owner}). If no other ` +
          'champion process is running, delete that file and retry.',
      );
    }
    await sleep(options.pollMs ?? 500);
  }
  try {
    return await fn();
  } finally {
    await unlink(options.path).catch(() => undefined);
  }
}
