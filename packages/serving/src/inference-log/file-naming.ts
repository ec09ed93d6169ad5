/** Inference log file names: `<prefix>-YYYY-MM-DD-NNNN.jsonl`, a sequence per UTC day. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The UTC day of `time` as YYYY-MM-DD. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

export function logFileName(options: { prefix: string; day: string; seq: number }): string {
  return `${options.prefix}-${options.day}-${String(options.seq).padStart(4, '0')}.jsonl`;
}

/** The latest file of `day` in `dir` (sequence and size), or sequence 0 when there is none. */
export async function latestFile(options: {
  dir: string;
  prefix: string;
  day: string;
}): Promise<{ seq: number; size: number }> {
  const pattern = new RegExp(
    `^${options.prefix.replace(/[^\w-]/g, '\\$&')}-${options.day}-(\\d+)\\.jsonl$`,
  );
  const names = await readdir(options.dir).catch(() => [] as string[]);
  let seq = 0;
  for (const name of names) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) seq = Math.max(seq, Number(match[1]));
  }
  if (seq === 0) return { seq: 0, size: 0 };
  const info = await stat(join(options.dir, logFileName({ ...options, seq })));
  return { seq, size: info.size };
}
