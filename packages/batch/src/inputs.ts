/**
 * Expands `--input`: a file path, or a glob whose wildcards (`*`, `?`, `[abc]`) are in the last
 * path segment only (`/data/in/*.csv`). Matches are sorted by name so shards are deterministic.
 * No recursive `**`: Node 20 has no fs.glob, and one folder of parts is what batch jobs get.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BatchError } from './errors.js';

const WILDCARD = /[*?[]/;

function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The files `input` names, sorted by name; throws NO_INPUT when there are none. */
export async function expandInput(input: string): Promise<string[]> {
  const dir = dirname(input);
  if (WILDCARD.test(dir)) {
    throw new BatchError(
      'BAD_OPTIONS',
      `--input '${input}': wildcards are allowed in the file name only, not in folders`,
    );
  }
  const pattern = basename(input);
  if (!WILDCARD.test(pattern)) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isFile()) throw new BatchError('NO_INPUT', `--input ${input}: no such file`);
    return [input];
  }
  const re = globRegExp(pattern);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new BatchError('NO_INPUT', `--input ${input}: cannot list ${dir}`, { cause: error });
  });
  const files = entries
    .filter((e) => e.isFile() && re.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
  if (files.length === 0) throw new BatchError('NO_INPUT', `--input ${input} matches no file`);
  return files;
}
