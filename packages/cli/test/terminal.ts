/**
 * Runs a shell command the way a person does, at a terminal: under `script` (util-linux), which
 * gives it a pseudo-terminal, so `isTTY` is true and Ctrl-C (byte 0x03 typed into it) reaches
 * the foreground process group as SIGINT. Output is the terminal's: stdout and stderr together.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where the README's commands run. */
export const REPO_ROOT = join(__dirname, '../../..');

export interface TerminalRun {
  /** Exit code of the command (script -e passes it on). */
  readonly code: number | null;
  /** What the terminal showed, without carriage returns. */
  readonly screen: string;
}

export interface TerminalSession {
  readonly pid: number;
  readonly done: Promise<TerminalRun>;
  /** Resolves once the screen matches `pattern`; rejects if the command ends first. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Types Ctrl-C. */
  interrupt(): void;
}

export function atTerminal(
  command: string,
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): TerminalSession {
  const env = { ...process.env, ...options.env };
  // Tests set LOG_LEVEL for their own children; a person at a terminal has none.
  if (options.env?.['LOG_LEVEL'] === undefined) delete env['LOG_LEVEL'];
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, env });
  let screen = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString().replace(/\r/g, '');
    for (const l of [...listeners]) l();
  });
  const done = new Promise<TerminalRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      for (const l of [...listeners]) l();
      resolve({ code, screen });
    });
  });
  let ended = false;
  void done.then(() => (ended = true));
  return {
    pid: child.pid as number,
    done,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(screen)) {
            listeners.delete(check);
            resolve();
          } else if (ended || child.exitCode !== null) {
            listeners.delete(check);
            reject(new Error(`ended before ${String(pattern)}:\n${screen.slice(-3000)}`));
          }
        };
        listeners.add(check);
        check();
      }),
    interrupt: () => child.stdin.write('\x03'),
  };
}

/** Every process below `pid` now (children, grandchildren...), from `ps`. */
export function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number): void => {
    for (const [p, pp] of table) {
      if (pp === parent) {
        found.push(p);
        walk(p);
      }
    }
  };
  walk(pid);
  return found;
}

/** The given processes that still exist. */
export function alive(pids: readonly number[]): number[] {
  return pids.filter((p) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  });
}
