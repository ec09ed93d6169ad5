/**
 * A snapshot of every folder and file below a directory (with a digest of each file's bytes), so
 * a test can assert a hostile answer created, changed or deleted nothing outside a given folder.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Relative path → `dir` or the file's sha256. */
export type TreeSnapshot = Record<string, string>;

/** Snapshots `root`, leaving out the folders and files `exclude` says to (given relative paths). */
export async function snapshotTree(
  root: string,
  exclude: (relPath: string) => boolean = () => false,
): Promise<TreeSnapshot> {
  const out: TreeSnapshot = {};
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    const rel = relative(root, full);
    if (rel.split('/').some((_, i, parts) => exclude(parts.slice(0, i + 1).join('/')))) continue;
    out[rel] = entry.isDirectory()
      ? 'dir'
      : createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
  }
  return out;
}
