/**
 * `@champion/mlflow-server/test-support`: child processes for other packages' tests, started in
 * their own process group and always cleanable, and a readiness poll. Never used by sources.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { findRepoRoot } from '../repo-root.js';

/** The repository root (jest runs from it; tests must not use import.meta). */
export const repoRoot = (): string => findRepoRoot();

/** A child process whose whole group is killed by `kill()`; output kept for error messages. */
export interface Child {
  readonly process: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): void;
}

export function spawnChild(options: {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}): Child {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd ?? repoRoot(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
    child.on('error', () => resolve(-1));
  });
  return {
    process: child,
    output: () => out,
    exited,
    kill: (signal = 'SIGKILL') => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    },
  };
}

/** Polls `url` until it answers 200 or `timeoutMs` passes (then throws with `why()`). */
export async function waitFor200(options: {
  url: string;
  timeoutMs: number;
  why?: () => string;
}): Promise<void> {
  const end = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      const res = await fetch(options.url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end)
      throw new Error(`${options.url} not 200 within ${options.timeoutMs} ms: ${options.why?.()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
