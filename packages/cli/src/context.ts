import type { CliConfig } from './config.js';
import type { Logger } from './logger.js';
import type { Services } from './services/index.js';
import { watchParent } from './parent-watch.js';
import { recordShutdownSignal } from './signals.js';

/** Where results go: stdout, as text or (with `--json`) one JSON object per line. */
export interface Output {
  result(options: { text: string; data: Record<string, unknown>; json: boolean }): void;
}

/** What every command gets: parsed config, logger, output, and the services it calls. */
export interface CliContext {
  config: CliConfig;
  logger: Logger;
  output: Output;
  services: Services;
  /** Resolves on the first SIGINT/SIGTERM: long-running commands stop cleanly then. */
  shutdownSignal: () => Promise<NodeJS.Signals>;
}

/** Writes results to a stream (stdout by default). */
export function streamOutput(stream: NodeJS.WritableStream = process.stdout): Output {
  return {
    result: ({ text, data, json }) => {
      stream.write(json ? `${JSON.stringify(data)}\n` : `${text}\n`);
    },
  };
}

let parentWatch: (() => void) | undefined;

/**
 * A promise of the first SIGINT or SIGTERM this process receives (or of its parent's death). The handlers stay installed so
 * an impatient second Ctrl-C cannot kill Node before it has stopped its child processes.
 */
export function processShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      recordShutdownSignal(signal);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
    // A parent that died without signalling (pnpm on SIGTERM) counts as one SIGTERM.
    parentWatch ??= watchParent(() => process.emit('SIGTERM', 'SIGTERM'));
  });
}
