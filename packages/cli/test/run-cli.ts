/** Runs the `champion` CLI from source in a child process, as a user would, for tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running CLI: wait for its output, signal it, wait for its end. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly done: Promise<CliRun>;
  /** Resolves with the first line (stderr or stdout) matching `pattern`; rejects if it exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/** Starts the CLI; `env` is added to this process's environment. */
export function startChampion(
  args: readonly string[],
  options: { env?: Readonly<Record<string, string>> } = {},
): CliProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts', ...args],
    {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, LOG_LEVEL: 'error', ...options.env },
    },
  );
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let exited = false;
  const rejecters = new Set<(error: Error) => void>();
  const onText = (text: string): void => {
    for (const line of text.split('\n')) {
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onText(d.toString());
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onText(d.toString());
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      exited = true;
      for (const r of rejecters)
        r(new Error(`champion exited (${code ?? signal}) first:\n${stderr.slice(-3000)}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    waitForLine(pattern) {
      if (exited) return Promise.reject(new Error('champion already exited'));
      return new Promise((resolve, reject) => {
        rejecters.add(reject);
        waiters.push({
          pattern,
          resolve: (line) => {
            rejecters.delete(reject);
            resolve(line);
          },
        });
      });
    },
  };
}

/** Runs the CLI to its end. */
export function champion(
  args: readonly string[],
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<CliRun> {
  return startChampion(args, options).done;
}
