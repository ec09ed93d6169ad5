/**
 * The registered model name `champion train` uses when `--name` is not given: a slug of the data
 * file's name, so a new file never becomes a version of an unrelated model (e.g. the demo's).
 */
import { basename } from 'node:path';
import { TrainerError } from '../errors.js';

/** Extensions the data reader accepts, stripped before slugging (`loans.csv.gz` → `loans`). */
const DATA_EXTENSIONS = /(\.(csv|tsv|txt|parquet|pq))?(\.(gz|gzip|zst|bz2))?$/i;

/**
 * `loans_2024.csv` → `loans-2024`: lower case, every run of characters outside `[a-z0-9]`
 * becomes one `-`, no `-` at either end. Throws a TrainerError('CONFIG') naming the file and the
 * `--name` flag when nothing is left.
 */
export function defaultModelName(dataPath: string): string {
  const file = basename(dataPath);
  const stem = file.replace(DATA_EXTENSIONS, '');
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') {
    throw new TrainerError(
      'CONFIG',
      `no model name can be made from the data file name '${file}' (no letters or digits): give one with --name`,
    );
  }
  return slug;
}
