/**
 * The serving bench's load through wrk (a C load generator) when it is on PATH: on a 2-core
 * machine the Node generator in load.ts takes CPU from the servers it measures, which shows in
 * the tail latency; wrk costs a fraction of that. Same figures as load.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { LoadFigures, LoadTarget } from './load.js';

const run = promisify(execFile);
/** The wrk script, relative to the repository root. */
const SCRIPT = 'packages/bench/wrk/post.lua';

/** wrk's version (e.g. `wrk 4.2.0`) when it is installed, else undefined. */
export function wrkVersion(): string | undefined {
  try {
    // `wrk -v` prints its version and exits 1.
    return versionOf(execFileSync('wrk', ['-v'], { encoding: 'utf8', stdio: 'pipe' }));
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    return versionOf(out);
  }
}

function versionOf(out: string): string | undefined {
  return /^wrk \S+/.exec(out)?.[0];
}

const summarySchema = z.object({
  requests: z.number().int().nonnegative(),
  duration_us: z.number().positive(),
  errors: z.number().int().nonnegative(),
  p50_us: z.number().nonnegative(),
  p99_us: z.number().nonnegative(),
});

/** The figures from wrk's summary line (printed by wrk/post.lua's `done`). */
function figures(stdout: string): LoadFigures {
  const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
  if (line === undefined) throw new Error(`wrk printed no summary:\n${stdout.slice(-2000)}`);
  const s = summarySchema.parse(JSON.parse(line));
  const answered = s.requests - s.errors;
  return {
    requests: answered,
    errors: s.errors,
    throughput: answered / (s.duration_us / 1e6),
    p50Ms: s.p50_us / 1000,
    p99Ms: s.p99_us / 1000,
  };
}

/** Runs wrk with `concurrency` connections on one thread for about `durationMs`. */
export async function measureLoadWrk(options: {
  repoRoot: string;
  target: LoadTarget;
  concurrency: number;
  durationMs: number;
}): Promise<LoadFigures> {
  const { target, concurrency, durationMs } = options;
  const script = join(options.repoRoot, SCRIPT);
  const dir = await mkdtemp(join(tmpdir(), 'champion-wrk-'));
  try {
    const bodyFile = join(dir, 'body');
    await writeFile(bodyFile, target.body);
    const seconds = Math.max(1, Math.round(durationMs / 1000));
    const { stdout } = await run(
      'wrk',
      ['-t1', `-c${concurrency}`, `-d${seconds}s`, '-s', script, target.url],
      { env: { ...process.env, WRK_BODY_FILE: bodyFile, WRK_CONTENT_TYPE: target.contentType } },
    );
    return figures(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
