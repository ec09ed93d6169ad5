import { Command } from 'commander';
import { commands } from './commands/index.js';
import type { CliContext } from './context.js';

/** Options of {@link createProgram}. */
export interface CreateProgramOptions {
  context: CliContext;
  /** Where commander writes help and usage errors. @default process stdout/stderr */
  writeOut?: (text: string) => void;
  writeErr?: (text: string) => void;
}

/**
 * The `champion` program with every command registered. It never calls `process.exit`: usage
 * errors and `--help` surface as CommanderError so callers (and tests) decide the exit code.
 */
export function createProgram(options: CreateProgramOptions): Command {
  const program = new Command('champion')
    .description(
      'From a CSV to a monitored production classifier, with MLflow as the system of record.',
    )
    .option('--json', 'print results as JSON lines on stdout (logs always go to stderr as JSON)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: options.writeOut ?? ((text) => process.stdout.write(text)),
      writeErr: options.writeErr ?? ((text) => process.stderr.write(text)),
    });
  for (const command of commands) command.register(program, options.context);
  return program;
}
