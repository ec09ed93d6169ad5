/**
 * The on-disk cache of downloaded versions and the `last-good.json` pointer to the last version
 * that passed the checks, so a restart during an MLflow outage can still serve.
 * Every folder it creates, deletes or trusts is checked to lie inside its root: the model name
 * and version (which MLflow sends) are validated by mlflow-js-client's identifier rules, and the
 * resolved path is checked again before anything is removed.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInside, nameAsPathSegment, resolveInside, validateIdentifier } from 'mlflow-js-client';
import { z } from 'zod';

const lastGoodSchema = z.object({
  name: z.string(),
  version: z.string(),
  alias: z.string().optional(),
  dir: z.string(),
  modelId: z.string().optional(),
  runId: z.string().optional(),
  params: z.record(z.string(), z.string()).default({}),
  savedAt: z.string(),
});

export type LastGood = z.infer<typeof lastGoodSchema>;

export class ModelCache {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Where versions of `name` are downloaded (one folder per version). */
  versionsDir(name: string): string {
    return resolveInside({
      root: this.root,
      segments: ['versions', nameAsPathSegment(name)],
      what: 'model cache',
    });
  }

  /**
   * A fresh, absent folder for `version` (an earlier copy is removed first). A version that is
   * not decimal digits is refused before any path is built from it.
   */
  async freshVersionDir(options: { name: string; version: string }): Promise<string> {
    const base = this.versionsDir(options.name);
    const dir = resolveInside({
      root: base,
      segments: [validateIdentifier('model version', options.version)],
      what: 'model cache',
    });
    await rm(dir, { recursive: true, force: true });
    await mkdir(base, { recursive: true });
    return dir;
  }

  get #pointer(): string {
    return join(this.root, 'last-good.json');
  }

  /** The last good version of `name`, if recorded and its folder still exists. */
  async readLastGood(name: string): Promise<LastGood | undefined> {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(this.#pointer, 'utf8'));
    } catch {
      return undefined;
    }
    const parsed = lastGoodSchema.safeParse(data);
    if (!parsed.success || parsed.data.name !== name) return undefined;
    // Only a folder this cache made is served from; a pointer elsewhere is ignored.
    if (!isInside(this.versionsDir(name), parsed.data.dir)) return undefined;
    const exists = await stat(parsed.data.dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return exists ? parsed.data : undefined;
  }

  /** Records `entry` atomically (write then rename). */
  async writeLastGood(entry: LastGood): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const tmp = `${this.#pointer}.tmp-${process.pid}`;
    await writeFile(tmp, `${JSON.stringify(entry, null, 2)}\n`);
    await rename(tmp, this.#pointer);
  }

  /** Removes downloaded versions of `name` other than the folders in `keep`. */
  async prune(options: { name: string; keep: readonly string[] }): Promise<void> {
    const base = this.versionsDir(options.name);
    const keep = new Set(options.keep.map((d) => resolve(d)));
    const entries = await readdir(base).catch(() => [] as string[]);
    await Promise.all(
      entries
        .map((entry) => resolve(base, entry))
        .filter((dir) => !keep.has(dir) && isInside(base, dir) && dir !== base)
        .map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
}
