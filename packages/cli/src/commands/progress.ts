/**
 * Progress of long work on a terminal: one status line on stderr, rewritten in place on a TTY,
 * one line per event otherwise; silent with --json (machines read stdout only).
 */
export interface Progress {
  /** A message, or a function making it (called only when something is shown: not with --json). */
  update(message: string | (() => string)): void;
  done(): void;
}

const text = (message: string | (() => string)): string =>
  typeof message === 'string' ? message : message();

export function createProgress(options: { json: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  const started = performance.now();
  if (options.json) return { update: () => undefined, done: () => undefined };
  const stamp = (): string => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  if (!stream.isTTY) {
    return {
      update: (m) => void stream.write(`${stamp()}  ${text(m)}\n`),
      done: () => undefined,
    };
  }
  let last = '';
  return {
    update(message) {
      const width = (stream.columns || 100) - 1;
      last = `${stamp()}  ${text(message)}`.slice(0, width);
      stream.write(`\r\x1b[2K${last}`);
    },
    done() {
      if (last !== '') stream.write('\n');
    },
  };
}
