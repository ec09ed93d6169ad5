/**
 * The on-disk cache of downloaded versions and the `last-good.json` pointer to the last version
 * that passed the checks, so a restart during an MLflow outage can still serve.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
    return join(this.root, 'versions', encodeURIComponent(name));
  }

  /** A fresh, absent folder for `version` (an earlier copy is removed first). */
  async freshVersionDir(options: { name: string; version: string }): Promise<string> {
    const dir = join(this.versionsDir(options.name), options.version);
    await rm(dir, { recursive: true, force: true });
    await mkdir(this.versionsDir(options.name), { recursive: true });
    return dir;
  }

  get #pointer(): string {
    return join(this.root, 'last-good.json');
  }

  /** The last good version of `name`, if recorded and its folder still exists. */
  async readLastGood(name: string): Promise<LastGood | undefined> {
    let text: string;
    try {
      text = await readFile(this.#pointer, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = lastGoodSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.name !== name) return undefined;
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
        .map((entry) => join(base, entry))
        .filter((dir) => !keep.has(resolve(dir)))
        .map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
}
