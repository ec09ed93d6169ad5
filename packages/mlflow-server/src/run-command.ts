import { spawn } from 'node:child_process';

/** How a finished child process ended, with the last lines it printed (stdout and stderr). */
export interface CommandResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  /** Set when the command could not be started at all (e.g. ENOENT). */
  spawnError?: Error;
  /** Up to `tailLines` last output lines, for error messages. */
  tail: string[];
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  command: string;
  args: readonly string[];
  /** Called with every output line as it arrives (progress passthrough). */
  onLine?: (line: string) => void;
  /** @default 30 */
  tailLines?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion without throwing; callers turn failures into their own errors. */
export function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const tailLines = options.tailLines ?? 30;
  const tail: string[] = [];
  return new Promise((resolve) => {
    const child = spawn(options.command, options.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const collect = (stream: NodeJS.ReadableStream): void => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) emit(line);
      });
      stream.on('end', () => {
        if (pending !== '') emit(pending);
      });
    };
    const emit = (line: string): void => {
      tail.push(line);
      if (tail.length > tailLines) tail.shift();
      options.onLine?.(line);
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', (spawnError) => resolve({ code: null, spawnError, tail }));
    child.on('close', (code) => resolve({ code, tail }));
  });
}
