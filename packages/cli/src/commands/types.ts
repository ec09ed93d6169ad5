import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** One top-level command (`mlflow`, `train`, ...): adds itself to the program. */
export interface CommandModule {
  register(program: Command, context: CliContext): void;
}

/** The options every command sees through `optsWithGlobals()`. */
export interface GlobalOptions {
  json?: boolean;
}
