import { existsSync } from 'node:fs';
import path from 'node:path';
import { MlflowServerError } from './errors.js';

/**
 * The monorepo root: the nearest directory at or above `from` (default `process.cwd()`) that
 * holds `pnpm-workspace.yaml`. Found from the working directory rather than from this file so
 * that the same code works from `src` (tests, tsx) and from `dist`.
 */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new MlflowServerError(
        'REPO_ROOT_NOT_FOUND',
        `No pnpm-workspace.yaml found in ${from} or any parent directory. ` +
          'Run champion from inside the champion repository, or pass the repository root explicitly.',
      );
    }
    dir = parent;
  }
}
