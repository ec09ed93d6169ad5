import { CommanderError } from 'commander';
import { isMlflowServerError } from '@champion/mlflow-server';
import { loadConfig } from './config.js';
import { processShutdownSignal, streamOutput, type CliContext } from './context.js';
import { explainError } from './errors/explain.js';
import { logMode, type LogMode } from './log-mode.js';
import { createLogger, type Logger } from './logger.js';
import { createProgram } from './program.js';
import { defaultServices } from './services/index.js';
import { shutdownSignalReceived, signalExitCode } from './signals.js';

const interrupted = (): boolean => shutdownSignalReceived() === 'SIGINT';

/** The command word (`train`, `serve`...): the first argument that is not an option. */
function commandOf(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((a) => !a.startsWith('-'));
}

/** Reports a failure: a sentence at a terminal, a JSON log line (with its `code`) otherwise. */
function report(err: unknown, options: { argv: readonly string[]; mode: LogMode; logger: Logger }) {
  if (options.mode === 'human') {
    const text = explainError(err, { command: commandOf(options.argv), cwd: process.cwd() });
    process.stderr.write(`champion: ${text}\n`);
    return;
  }
  // Every package's errors carry a closed `code`; pass it on so logs can be filtered by it.
  const code = isMlflowServerError(err)
    ? err.code
    : err instanceof Error && 'code' in err && typeof err.code === 'string'
      ? err.code
      : undefined;
  options.logger.error(err instanceof Error ? err.message : String(err), code ? { code } : {});
}

/** Runs the CLI on `argv` (as `process.argv`) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const mode = logMode({ argv, env: process.env, stderrIsTTY: process.stderr.isTTY === true });
  const logger = createLogger(config.LOG_LEVEL, mode);
  const context: CliContext = {
    config,
    logger,
    output: streamOutput(),
    services: defaultServices,
    shutdownSignal: processShutdownSignal,
  };
  let code: number;
  try {
    await createProgram({ context }).parseAsync([...argv]);
    // A command may end with a verdict code (promote refused, doctor found problems: 3).
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // Commander already printed usage errors and help.
    if (err instanceof CommanderError) return err.exitCode;
    // Stopped by Ctrl-C: what the stop interrupted is said once, at info level.
    if (interrupted()) logger.info('stopped by Ctrl-C', { reason: String(err) });
    else report(err, { argv, mode, logger });
    code = 1;
  }
  // Ctrl-C: 130 once stopped cleanly, as a shell reports SIGINT. SIGTERM (what supervisors and
  // Kubernetes send) keeps the command's own code: 0 after a clean stop, as they expect.
  return interrupted() ? signalExitCode('SIGINT') : code;
}
