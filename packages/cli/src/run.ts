import { CommanderError } from 'commander';
import { isMlflowServerError } from '@champion/mlflow-server';
import { loadConfig } from './config.js';
import { processShutdownSignal, streamOutput, type CliContext } from './context.js';
import { createLogger } from './logger.js';
import { createProgram } from './program.js';
import { defaultServices } from './services/index.js';

/** Runs the CLI on `argv` (as `process.argv`) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const context: CliContext = {
    config,
    logger,
    output: streamOutput(),
    services: defaultServices,
    shutdownSignal: processShutdownSignal,
  };
  try {
    await createProgram({ context }).parseAsync([...argv]);
    // A command may end with a verdict code (promote refused, doctor found problems: 3).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // Commander already printed usage errors and help.
    if (err instanceof CommanderError) return err.exitCode;
    // Every package's errors carry a closed `code`; pass it on so logs can be filtered by it.
    const code = isMlflowServerError(err)
      ? err.code
      : err instanceof Error && 'code' in err && typeof err.code === 'string'
        ? err.code
        : undefined;
    logger.error(err instanceof Error ? err.message : String(err), code ? { code } : {});
    return 1;
  }
}
