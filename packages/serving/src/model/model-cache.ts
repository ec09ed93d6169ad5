/**
 * The on-disk cache of downloaded versions and the `last-good.json` pointer to the last version
 * that passed the checks, so a restart during an MLflow outage can still serve.
 * Every folder it creates, deletes or trusts is checked to lie inside its root: the model name
 * and version (which MLflow sends) are validated by mlflow-js-client's identifier rules, and the
 * resolved path is checked again before anything is removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
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

const downloadInfoSchema = z.object({
  modelId: z.string().optional(),
  runId: z.string().optional(),
});

/** What a download learned about the version, kept next to its files for later reuse. */
export interface DownloadInfo {
  readonly modelId?: string;
  readonly runId?: string;
}

/** Prefix of a download in progress (a private folder of one process). */
const TMP_PREFIX = '.tmp-';
/** A download folder untouched this long belongs to a process that died. */
export const STALE_TMP_MS = 60 * 60 * 1000;
/** Written last into a downloaded version: its presence means the copy is complete. */
export const MARKER = '.champion-cache.json';

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
   * The folder holding `version` of `name`, downloading it only if no complete copy is there.
   * Several processes may share one cache (replicas on a host or a shared volume), so a download
   * never removes a folder another process may be reading or writing: `download` fills a private
   * `.tmp-*` folder, which gets a completion marker and is then renamed into place in one step.
   * When another process got there first, its complete copy is used and ours is dropped.
   * (prune still removes versions no longer served; see there.)
   * A version that is not decimal digits is refused before any path is built from it.
   */
  async version(options: {
    name: string;
    version: string;
    download: (dir: string) => Promise<DownloadInfo>;
  }): Promise<{ dir: string; info: DownloadInfo }> {
    const base = this.versionsDir(options.name);
    const dir = resolveInside({
      root: base,
      segments: [validateIdentifier('model version', options.version)],
      what: 'model cache',
    });
    const cached = await readMarker(dir);
    if (cached !== undefined) return { dir, info: cached };
    await mkdir(base, { recursive: true });
    const tmp = await mkdtemp(join(base, `${TMP_PREFIX}${options.version}-`));
    try {
      const staged = join(tmp, 'model');
      const info = await options.download(staged);
      await writeFile(join(staged, MARKER), `${JSON.stringify(info)}\n`);
      return { dir, info: await placeVersion({ staged, dir, info, tmp }) };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
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
    const tmp = `${this.#pointer}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, `${JSON.stringify(entry, null, 2)}\n`);
    await rename(tmp, this.#pointer);
  }

  /**
   * Removes downloaded versions of `name` other than the folders in `keep` and the last good
   * one. Another process's download in progress (a `.tmp-*` folder) is left alone unless it is
   * older than {@link STALE_TMP_MS} (its process died).
   */
  async prune(options: { name: string; keep: readonly string[] }): Promise<void> {
    const base = this.versionsDir(options.name);
    const last = await this.readLastGood(options.name);
    const keep = new Set([...options.keep, ...(last ? [last.dir] : [])].map((d) => resolve(d)));
    const entries = await readdir(base).catch(() => [] as string[]);
    const doomed = await Promise.all(
      entries
        .map((entry) => resolve(base, entry))
        .filter((dir) => !keep.has(dir) && isInside(base, dir) && dir !== base)
        .map(async (dir) => ((await inUse(dir)) ? undefined : dir)),
    );
    await Promise.all(
      doomed.flatMap((dir) => (dir ? [rm(dir, { recursive: true, force: true })] : [])),
    );
  }
}

/** Whether `dir` may be another process's download in progress. */
async function inUse(dir: string): Promise<boolean> {
  if (!basename(dir).startsWith(TMP_PREFIX)) return false;
  const modified = await stat(dir).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  return Date.now() - modified < STALE_TMP_MS;
}

/** The completion marker's content, if `dir` holds a complete copy made by this cache. */
async function readMarker(dir: string): Promise<DownloadInfo | undefined> {
  try {
    const parsed = downloadInfoSchema.safeParse(
      JSON.parse(await readFile(join(dir, MARKER), 'utf8')),
    );
    return parsed.success ? stripUndefined(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

function stripUndefined(info: { modelId?: string | undefined; runId?: string | undefined }) {
  return {
    ...(info.modelId === undefined ? {} : { modelId: info.modelId }),
    ...(info.runId === undefined ? {} : { runId: info.runId }),
  };
}

function isTargetTaken(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'EEXIST' || code === 'ENOTEMPTY';
}

/**
 * Renames `staged` to `dir`. If `dir` exists with a marker (another process won), that copy is
 * used; one without a marker (an older champion's copy, or a half-removed one) is moved aside
 * into our private `tmp` folder in one rename, never deleted in place, and the rename retried.
 */
async function placeVersion(options: {
  staged: string;
  dir: string;
  info: DownloadInfo;
  tmp: string;
}): Promise<DownloadInfo> {
  const { staged, dir, tmp } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(staged, dir);
      return options.info;
    } catch (error) {
      if (!isTargetTaken(error) || attempt >= 3) throw error;
    }
    const winner = await readMarker(dir);
    if (winner !== undefined) return winner;
    await rename(dir, join(tmp, `unmarked-${attempt}`)).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    });
  }
}
