import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findPython, parsePythonVersion } from './python.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'champion-python-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fake interpreter that prints the given version for any arguments. */
async function fakePython(version: string): Promise<string> {
  const file = path.join(dir, `python-${version}`);
  await writeFile(file, `#!/bin/sh\necho ${version}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('parsePythonVersion', () => {
  it('reads major, minor and patch', () => {
    expect(parsePythonVersion('3.11.7\n')).toEqual({ major: 3, minor: 11, patch: 7 });
  });
});

describe('findPython', () => {
  it('skips interpreters that are too old and picks the first new enough one', async () => {
    const old = await fakePython('3.8.10');
    const recent = await fakePython('3.12.1');
    const found = await findPython({ candidates: [old, recent], env: {} });
    expect(found.command).toBe(recent);
  });

  it('says PYTHON_TOO_OLD and names the version when only old ones exist', async () => {
    const old = await fakePython('3.9.2');
    await expect(findPython({ candidates: [old], env: {} })).rejects.toMatchObject({
      code: 'PYTHON_TOO_OLD',
      message: expect.stringContaining('3.9.2'),
    });
  });

  it('says PYTHON_NOT_FOUND and suggests CHAMPION_PYTHON when nothing runs', async () => {
    await expect(
      findPython({ candidates: [path.join(dir, 'no-such-python')], env: {} }),
    ).rejects.toMatchObject({
      code: 'PYTHON_NOT_FOUND',
      message: expect.stringContaining('CHAMPION_PYTHON'),
    });
  });
});
