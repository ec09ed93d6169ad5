import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleWorkspacePackage } from './build-freshness.js';

describe('staleWorkspacePackage', () => {
  let root: string;
  const pkg = (...parts: string[]) => join(root, 'packages', 'p', ...parts);
  const at = (path: string, seconds: number) => utimes(path, seconds, seconds);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'freshness-'));
    await mkdir(pkg('src', 'sub'), { recursive: true });
    await writeFile(pkg('tsconfig.build.json'), '{}');
    await writeFile(pkg('src', 'sub', 'a.ts'), '');
    await writeFile(pkg('src', 'a.test.ts'), '');
    await writeFile(pkg('tsconfig.build.tsbuildinfo'), '');
    await at(pkg('src', 'sub', 'a.ts'), 1000);
    await at(pkg('src', 'a.test.ts'), 1000);
    await at(pkg('tsconfig.build.tsbuildinfo'), 2000);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is undefined when every build is newer than its sources', () => {
    expect(staleWorkspacePackage(root)).toBeUndefined();
  });
  it('names a package with a source newer than its build', async () => {
    await at(pkg('src', 'sub', 'a.ts'), 3000);
    expect(staleWorkspacePackage(root)).toBe('p');
  });
  it('ignores tests, which the build does not compile', async () => {
    await at(pkg('src', 'a.test.ts'), 3000);
    expect(staleWorkspacePackage(root)).toBeUndefined();
  });
  it('names a package never built', async () => {
    await rm(pkg('tsconfig.build.tsbuildinfo'));
    expect(staleWorkspacePackage(root)).toBe('p');
  });
});
