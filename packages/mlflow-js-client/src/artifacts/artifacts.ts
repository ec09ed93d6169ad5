/**
 * Artifact up/download through the tracking server's proxy (`/api/2.0/mlflow-artifacts/...`).
 * Files are streamed from and to disk; nothing is held whole in memory.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { MlflowError } from '../errors.js';
import { encodePath } from '../http/url.js';
import { artifactEntryPathSchema, quoteValue } from '../identifiers.js';
import { limitOption } from '../limits.js';
import { int64 } from '../schema-util.js';
import { guessContentType, localPathInside, safeRelativePath } from './paths.js';
import { artifactRepoUrl, listingTarget } from './uri.js';

/** One entry of a listing; `path` is relative to the listed artifact root. */
export interface ArtifactFileInfo {
  path: string;
  isDir: boolean;
  /** Bytes; absent for directories. */
  fileSize?: number;
}

const listResponse = z.object({
  files: z
    .array(
      z.object({
        path: artifactEntryPathSchema,
        is_dir: z.boolean().optional(),
        file_size: int64.optional(),
      }),
    )
    .optional()
    .default([]),
});

/** Files downloaded, and folders listed, at once. */
const DOWNLOAD_LANES = 4;

/** Code-unit order, as Python's sorted() gives MLflow's listings. */
const byPath = (a: ArtifactFileInfo, b: ArtifactFileInfo): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** Waits for every lane, then throws the first failure (no lane is left running behind it). */
async function settleAll(lanes: Promise<void>[]): Promise<void> {
  const outcomes = await Promise.allSettled(lanes);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

/** Names the artifact root: a run's or logged model's `artifact_uri`. */
export interface ArtifactTarget {
  /** e.g. `mlflow-artifacts:/1/<run_id>/artifacts` or a proxy http(s) URL. */
  artifactUri: string;
}

/** Options of {@link ArtifactsApi.uploadFile}. */
export interface UploadFileOptions extends ArtifactTarget {
  localPath: string;
  /** Directory under the root to put the file in; the file keeps its base name. */
  artifactPath?: string;
}

/** Options of {@link ArtifactsApi.uploadDirectory}. */
export interface UploadDirectoryOptions extends ArtifactTarget {
  localDir: string;
  /** Directory under the root to mirror `localDir` into. @default the root */
  artifactPath?: string;
}

/** Options of {@link ArtifactsApi.list}. */
export interface ListArtifactsOptions extends ArtifactTarget {
  path?: string;
  /** Walk sub-directories too; only files are returned then. @default false */
  recursive?: boolean;
}

/** Options of {@link ArtifactsApi.download}. */
export interface DownloadOptions extends ArtifactTarget {
  /** File or directory under the root. @default the whole root */
  path?: string;
  /** Local directory to download into; `path`'s last segment is created inside it. */
  destDir: string;
  /**
   * Files and folders (paths under the root, as listed) not to download: a folder here is not
   * even listed. @default none
   */
  skip?: readonly string[];
}

/** Totals of a transfer. */
export interface TransferSummary {
  files: number;
  bytes: number;
}

/** Artifacts through the proxy. */
export class ArtifactsApi {
  constructor(private readonly ctx: ApiContext) {}

  /**
   * The http(s) URL of the artifact root (as MLflow's MlflowArtifactsRepository resolves it).
   * UNTRUSTED_ORIGIN when it is on a host other than the tracking server's (or a trusted one).
   */
  repoUrl(artifactUri: string): string {
    const url = artifactRepoUrl(artifactUri, this.ctx.transport.baseUrl.toString());
    this.ctx.transport.checkOrigin(new URL(url), `Artifact URI ${JSON.stringify(artifactUri)}`);
    return url;
  }

  /** Streams one file up; it lands at `<artifactPath>/<basename(localPath)>`. */
  async uploadFile(options: UploadFileOptions): Promise<TransferSummary> {
    const info = await stat(options.localPath).catch((err: unknown) => {
      throw new MlflowError({
        code: 'INVALID_PARAMETER_VALUE',
        message: `Cannot upload ${options.localPath}: ${err instanceof Error ? err.message : String(err)}`,
        cause: err,
      });
    });
    if (!info.isFile()) {
      throw new MlflowError({
        code: 'INVALID_PARAMETER_VALUE',
        message: `Cannot upload ${options.localPath}: not a file (use uploadDirectory for folders).`,
      });
    }
    const dir = safeRelativePath(options.artifactPath ?? '', 'uploadFile');
    const name = basename(options.localPath);
    const rel = dir === '' ? name : `${dir}/${name}`;
    const url = new URL(`${this.repoUrl(options.artifactUri)}/${encodePath(rel)}`);
    this.ctx.logger.debug('uploading artifact', { path: rel, bytes: info.size });
    await this.ctx.transport.upload({
      url,
      file: options.localPath,
      size: info.size,
      contentType: guessContentType(name),
    });
    return { files: 1, bytes: info.size };
  }

  /** Uploads every file below `localDir`, keeping the folder structure. */
  async uploadDirectory(options: UploadDirectoryOptions): Promise<TransferSummary> {
    const base = safeRelativePath(options.artifactPath ?? '', 'uploadDirectory');
    const total: TransferSummary = { files: 0, bytes: 0 };
    const entries = await readdir(options.localDir, { withFileTypes: true, recursive: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const parent = entry.parentPath;
      const relDir = parent === options.localDir ? '' : parent.slice(options.localDir.length + 1);
      const relDirPosix = relDir.split(/[\\/]/).filter(Boolean).join('/');
      const artifactPath = [base, relDirPosix].filter(Boolean).join('/');
      const done = await this.uploadFile({
        artifactUri: options.artifactUri,
        localPath: join(parent, entry.name),
        ...(artifactPath === '' ? {} : { artifactPath }),
      });
      total.files += done.files;
      total.bytes += done.bytes;
    }
    return total;
  }

  /**
   * Lists a directory (paths relative to the root, sorted). A file path or a missing path
   * lists as empty, as in MLflow.
   */
  async list(options: ListArtifactsOptions): Promise<ArtifactFileInfo[]> {
    const start = safeRelativePath(options.path ?? '', 'list');
    if (options.recursive !== true) return this.#listOne(options.artifactUri, start);
    return this.#listTree(options.artifactUri, start, new Set());
  }

  /**
   * Downloads a file or a whole directory into `destDir` and returns the local path
   * (`destDir` itself when `path` is the root).
   */
  async download(options: DownloadOptions): Promise<string> {
    const path = safeRelativePath(options.path ?? '', 'download');
    await mkdir(options.destDir, { recursive: true });
    const skip = new Set(options.skip ?? []);
    const entries = await this.#listTree(options.artifactUri, path, skip);
    const repo = this.repoUrl(options.artifactUri);
    if (entries.length === 0 && path !== '') {
      // A file (or nothing: then the GET answers RESOURCE_DOES_NOT_EXIST).
      const dest = localPathInside(options.destDir, basename(path));
      await this.ctx.transport.download({ url: new URL(`${repo}/${encodePath(path)}`), dest });
      return dest;
    }
    const root = path === '' ? options.destDir : localPathInside(options.destDir, basename(path));
    await mkdir(root, { recursive: true });
    // A few files at a time: a model folder is a dozen small files, each a round trip.
    let next = 0;
    const fetchNext = async (): Promise<void> => {
      for (let entry = entries[next++]; entry !== undefined; entry = entries[next++]) {
        const inner = path === '' ? entry.path : entry.path.slice(path.length + 1);
        const dest = localPathInside(root, inner);
        await mkdir(join(dest, '..'), { recursive: true });
        await this.ctx.transport.download({
          url: new URL(`${repo}/${encodePath(entry.path)}`),
          dest,
        });
      }
    };
    await settleAll(Array.from({ length: Math.min(DOWNLOAD_LANES, entries.length) }, fetchNext));
    return root;
  }

  /**
   * The files under `path`, recursively, but those in `skip` (a folder there is not listed),
   * sorted. Folders are listed a few at a time, breadth first; a tree deeper than
   * limits.artifactListingDepth or with more than limits.artifactListingEntries entries (a server
   * inventing folders forever) ends in LIMIT_EXCEEDED.
   */
  async #listTree(
    artifactUri: string,
    path: string,
    skip: ReadonlySet<string>,
  ): Promise<ArtifactFileInfo[]> {
    const { artifactListingDepth: maxDepth, artifactListingEntries: maxEntries } = this.ctx.limits;
    const files: ArtifactFileInfo[] = [];
    let entries = 0;
    for (let level = [path], depth = 1; level.length > 0; depth++) {
      if (depth > maxDepth) {
        throw this.#tooLarge(
          `is deeper than ${maxDepth} folder levels (at ${quoteValue(level[0] ?? '')})`,
          'artifactListingDepth',
        );
      }
      const dirs = level;
      level = [];
      let next = 0;
      const listNext = async (): Promise<void> => {
        for (let dir = dirs[next++]; dir !== undefined; dir = dirs[next++]) {
          for (const entry of await this.#listOne(artifactUri, dir)) {
            if (skip.has(entry.path)) continue;
            if (++entries > maxEntries) {
              throw this.#tooLarge(`has more than ${maxEntries} entries`, 'artifactListingEntries');
            }
            if (entry.isDir) level.push(entry.path);
            else files.push(entry);
          }
        }
      };
      await settleAll(Array.from({ length: Math.min(DOWNLOAD_LANES, dirs.length) }, listNext));
    }
    return files.sort(byPath);
  }

  #tooLarge(what: string, limit: 'artifactListingDepth' | 'artifactListingEntries'): MlflowError {
    return new MlflowError({
      code: 'LIMIT_EXCEEDED',
      message: `The artifact listing ${what}; stopped (raise ${limitOption(limit)} if the tree is really that large).`,
    });
  }

  async #listOne(artifactUri: string, path: string): Promise<ArtifactFileInfo[]> {
    const target = listingTarget(this.repoUrl(artifactUri), path);
    const res = await this.ctx.transport.json({
      method: 'GET',
      url: new URL(target.url),
      query: { path: target.path },
      schema: listResponse,
    });
    const infos = res.files.map((file): ArtifactFileInfo => {
      const name = safeRelativePath(file.path, 'listing');
      const full = path === '' ? name : `${path}/${name}`;
      return {
        path: full,
        isDir: file.is_dir ?? false,
        ...(file.file_size === undefined ? {} : { fileSize: file.file_size }),
      };
    });
    return infos.sort(byPath);
  }
}
