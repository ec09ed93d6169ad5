/** Runs a command under /usr/bin/time -v: its wall time and peak RSS (largest process). */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Timed {
  readonly ok: boolean;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly error?: string;
}

/** Runs a command under /usr/bin/time -v: wall time and the process's peak RSS. */
export function timed(options: {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-v', options.command, ...options.args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0);
      resolve({
        ok: code === 0,
        seconds,
        peakMiB: kib / 1024,
        // Drop time's own report: the command's last words are what explains a failure.
        ...(code === 0
          ? {}
          : { error: (err.split('\tCommand being timed')[0] ?? err).slice(-1500) }),
      });
    });
  });
}

/**
 * {@link timed}, with the command's stdout saved to `stdoutTo`; resolves with the timing and the
 * last line it printed parsed as JSON (a `--json` summary).
 */
export async function timedJson<T>(options: {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
  stdoutTo: string;
}): Promise<Timed & { readonly json?: T }> {
  const { command, args, stdoutTo } = options;
  const run = await timed({
    ...options,
    command: '/bin/sh',
    args: ['-c', `"$0" "$@" > ${JSON.stringify(stdoutTo)}`, command, ...args],
  });
  if (!run.ok) return run;
  const last = readFileSync(stdoutTo, 'utf8').trim().split('\n').pop() ?? '';
  return { ...run, json: JSON.parse(last) as T };
}
