import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

async function waitGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Stops a child started with `detached: true` and everything it spawned: `mlflow server` runs
 * uvicorn/gunicorn and their workers, which all share its process group. SIGTERM first so they
 * shut down cleanly, SIGKILL for whatever is left after `graceMs`.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  if (process.platform === 'win32') {
    child.kill();
    return;
  }
  signalGroup(pgid, 'SIGTERM');
  if (await waitGone(pgid, graceMs)) return;
  signalGroup(pgid, 'SIGKILL');
  await waitGone(pgid, 5000);
}

/** Synchronous last resort for `process.on('exit')`: no time left for a grace period. */
export function killProcessGroupNow(child: ChildProcess): void {
  if (child.pid !== undefined && process.platform !== 'win32') signalGroup(child.pid, 'SIGKILL');
}
