import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from './port.js';
import { Wait } from './readiness.js';
import { startMlflowServer } from './server.js';

// These tests run a fake `mlflow` (a shell script) so they need no Python and no real server.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'champion-server-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeMlflow(script: string): Promise<string> {
  const file = path.join(dir, 'mlflow');
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startMlflowServer', () => {
  it('refuses a port that is already in use before starting anything', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => {
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port));
    });
    const mlflow = await fakeMlflow('touch "$0.started"');
    try {
      await expect(startMlflowServer({ mlflow, port, storeDir: dir })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringContaining('--port'),
      });
    } finally {
      blocker.close();
    }
    expect(existsSync(`${mlflow}.started`)).toBe(false);
  });

  it('reports a server that exits early with the tail of its log', async () => {
    const mlflow = await fakeMlflow(
      'echo "sqlalchemy.exc.OperationalError: no such database" >&2; exit 3',
    );
    const port = await findFreePort();
    await expect(startMlflowServer({ mlflow, port, storeDir: dir })).rejects.toMatchObject({
      code: 'SERVER_EXITED',
      message: expect.stringMatching(/code 3[\s\S]*no such database/),
    });
  });

  it('stops a server that never becomes healthy and reports HEALTH_TIMEOUT', async () => {
    const pidFile = path.join(dir, 'pid');
    const mlflow = await fakeMlflow(`echo $$ > ${pidFile}; echo still migrating; exec sleep 60`);
    const port = await findFreePort();
    const readiness = Wait.forHttp('/health', { timeoutMs: 500, intervalMs: 50 });
    await expect(
      startMlflowServer({ mlflow, port, storeDir: dir, readiness, stopGraceMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'HEALTH_TIMEOUT',
      message: expect.stringContaining('still migrating'),
    });
    expect(isAlive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
  });
});
