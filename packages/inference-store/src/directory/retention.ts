/**
 * Retention of the inference log: rotated files are deleted when their last write is older than
 * `maxAgeDays`, then the oldest while all files together exceed `maxTotalBytes`. The file being
 * written, and the newest file (the one a restart continues), are never deleted; nor is any file
 * whose name is not a log file's. Each deletion is logged; a failed one is logged and skipped.
 */
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, type StoreLogger as Logger } from '../logger.js';
import { listLogFiles } from './file-naming.js';
import type { InferenceLogLimits } from '../limits.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  readonly dir: string;
  readonly prefix: string;
  readonly limits: Pick<InferenceLogLimits, 'maxAgeDays' | 'maxTotalBytes'>;
  /** The file being written (a name in `dir`), if one is open. */
  readonly active: string | undefined;
  readonly now: Date;
  readonly logger: Logger;
}

/** One deleted file and why. */
export interface Deletion {
  readonly file: string;
  readonly reason: 'age' | 'size';
  readonly bytes: number;
}

interface Sized {
  readonly name: string;
  readonly bytes: number;
  readonly modified: number;
}

async function sizes(options: RetentionOptions): Promise<Sized[]> {
  const files = await listLogFiles(options);
  const found = await Promise.all(
    files.map(async ({ name }) => {
      const info = await stat(join(options.dir, name)).catch(() => undefined);
      return info === undefined ? [] : [{ name, bytes: info.size, modified: info.mtimeMs }];
    }),
  );
  return found.flat();
}

/** The files retention may delete, oldest last write first (ties: older name first). */
function candidates(files: readonly Sized[], active: string | undefined): Sized[] {
  const newest = files.at(-1)?.name;
  return files
    .filter((f) => f.name !== active && f.name !== newest)
    .sort((a, b) => a.modified - b.modified);
}

/** Deletes what the limits say must go; returns what it deleted. Never throws. */
export async function applyRetention(options: RetentionOptions): Promise<Deletion[]> {
  const { limits, logger } = options;
  const files = await sizes(options);
  let total = files.reduce((sum, f) => sum + f.bytes, 0);
  const oldest = options.now.getTime() - limits.maxAgeDays * DAY_MS;
  const deleted: Deletion[] = [];
  for (const file of candidates(files, options.active)) {
    const reason =
      file.modified < oldest ? 'age' : total > limits.maxTotalBytes ? 'size' : undefined;
    if (reason === undefined) continue;
    try {
      await unlink(join(options.dir, file.name));
    } catch (error) {
      logger.warn('inference log: could not delete a rotated file', {
        file: file.name,
        reason,
        error: errorMessage(error),
      });
      continue;
    }
    total -= file.bytes;
    deleted.push({ file: file.name, reason, bytes: file.bytes });
    logger.info('inference log: deleted rotated file', {
      dir: options.dir,
      file: file.name,
      reason,
      bytes: file.bytes,
      lastWrite: new Date(file.modified).toISOString(),
      ...(reason === 'age'
        ? { maxAgeDays: limits.maxAgeDays }
        : { maxTotalBytes: limits.maxTotalBytes }),
    });
  }
  return deleted;
}
