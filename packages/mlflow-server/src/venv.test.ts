import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pinsDigest } from './pins.js';
import { STAMP_FILE, checkVenv } from './venv.js';

const pins = ['mlflow==3.17.2', 'psycopg2-binary==2.9.13'];
let dir: string;

/** A stand-in venv whose python (and mlflow) are shell scripts that succeed. */
async function fakeVenv(
  stamp?: string,
  exes: readonly string[] = ['python', 'mlflow'],
): Promise<void> {
  await mkdir(path.join(dir, 'bin'), { recursive: true });
  for (const exe of exes) {
    await writeFile(path.join(dir, 'bin', exe), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(dir, 'bin', exe), 0o755);
  }
  if (stamp !== undefined) await writeFile(path.join(dir, STAMP_FILE), stamp);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'champion-venv-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkVenv', () => {
  it('reports a venv without an interpreter as missing', async () => {
    await expect(checkVenv({ venvDir: dir, pins })).resolves.toMatchObject({ state: 'missing' });
  });

  it('reports a venv built from other pins as stale', async () => {
    await fakeVenv(pinsDigest(['mlflow==3.16.0']));
    await expect(checkVenv({ venvDir: dir, pins })).resolves.toEqual({
      state: 'stale',
      reason: 'the pip pins in conda.yaml changed',
    });
  });

  it('reports an unfinished build (no stamp) as stale', async () => {
    await fakeVenv();
    await expect(checkVenv({ venvDir: dir, pins })).resolves.toMatchObject({ state: 'stale' });
  });

  it('reports a venv stamped with the current pins as fresh', async () => {
    await fakeVenv(`${pinsDigest(pins)}\n`);
    await expect(checkVenv({ venvDir: dir, pins })).resolves.toEqual({ state: 'fresh' });
  });

  it('requires the mlflow CLI only in a venv that pins MLflow', async () => {
    const peers = ['tritonclient[http]==2.73.0', 'schemathesis==4.32.5'];
    await fakeVenv(`${pinsDigest(peers)}\n`, ['python']);
    await expect(checkVenv({ venvDir: dir, pins: peers })).resolves.toEqual({ state: 'fresh' });
    await writeFile(path.join(dir, STAMP_FILE), `${pinsDigest(pins)}\n`);
    await expect(checkVenv({ venvDir: dir, pins })).resolves.toMatchObject({
      state: 'stale',
      reason: expect.stringContaining('mlflow is missing') as unknown,
    });
  });
});
