/**
 * `pnpm champion` (and the `champion` bin) run the compiled CLI in `dist/`, which `pnpm install`
 * builds (the root `prepare` script). In a checkout whose sources changed since (a `git pull`, an
 * edit), the launcher rebuilds first, so what runs is always what the sources say. The check is a
 * walk comparing modification times (a few ms), not `tsc -b` (over a second just to load it).
 * Where no sources sit beside `dist/` (the container image), there is nothing to check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files `tsc -b` compiles under `dir` (tests excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The first workspace package whose sources are newer than its last build (its
 * `tsconfig.build.tsbuildinfo`, which `tsc -b` rewrites on every build), or undefined.
 */
export function staleWorkspacePackage(repoRoot: string): string | undefined {
  const packages = join(repoRoot, 'packages');
  if (!existsSync(packages)) return undefined;
  for (const name of readdirSync(packages)) {
    const src = join(packages, name, 'src');
    if (!existsSync(join(packages, name, 'tsconfig.build.json')) || !existsSync(src)) continue;
    const info = join(packages, name, 'tsconfig.build.tsbuildinfo');
    if (!existsSync(info) || newestSource(src) > statSync(info).mtimeMs) return name;
  }
  return undefined;
}

/**
 * Rebuilds (`pnpm build`'s `tsc -b`) when a package's sources changed since its build; returns
 * false when the build failed (its errors are on stderr).
 */
export function ensureFreshBuild(repoRoot: string): boolean {
  const stale = staleWorkspacePackage(repoRoot);
  if (stale === undefined) return true;
  process.stderr.write(
    `champion: sources of packages/${stale} changed since the last build; rebuilding…\n`,
  );
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return built.status === 0;
}
