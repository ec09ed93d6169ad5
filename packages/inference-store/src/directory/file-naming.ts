/** Inference log file names: `<prefix>-YYYY-MM-DD-NNNN.jsonl`, a sequence per UTC day. */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The UTC day of `time` as YYYY-MM-DD. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

export function logFileName(options: { prefix: string; day: string; seq: number }): string {
  return `${options.prefix}-${options.day}-${String(options.seq).padStart(4, '0')}.jsonl`;
}

/** The day and sequence of a log file's name, or undefined for any other file. */
export function parseLogFileName(options: {
  prefix: string;
  name: string;
}): { day: string; seq: number } | undefined {
  const { prefix, name } = options;
  if (!name.startsWith(`${prefix}-`)) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})-(\d{4,9})\.jsonl$/.exec(name.slice(prefix.length + 1));
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { day: match[1], seq: Number(match[2]) };
}

/** The log files in `dir` (name, day, sequence), oldest name first; none when it is missing. */
export async function listLogFiles(options: {
  dir: string;
  prefix: string;
}): Promise<{ name: string; day: string; seq: number }[]> {
  const names = await readdir(options.dir).catch(() => [] as string[]);
  const files = names.flatMap((name) => {
    const parsed = parseLogFileName({ prefix: options.prefix, name });
    return parsed === undefined ? [] : [{ name, ...parsed }];
  });
  return files.sort((a, b) => (a.day === b.day ? a.seq - b.seq : a.day < b.day ? -1 : 1));
}

/** The latest file of `day` in `dir` (sequence and size), or sequence 0 when there is none. */
export async function latestFile(options: {
  dir: string;
  prefix: string;
  day: string;
}): Promise<{ seq: number; size: number }> {
  const files = await listLogFiles(options);
  const seq = Math.max(0, ...files.filter((f) => f.day === options.day).map((f) => f.seq));
  if (seq === 0) return { seq: 0, size: 0 };
  const info = await stat(join(options.dir, logFileName({ ...options, seq })));
  return { seq, size: info.size };
}

/** Whether the file at `path` is empty or ends with a newline (false when it cannot be read). */
export async function endsWithNewline(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
