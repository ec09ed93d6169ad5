/** `@champion/cli`: the `champion` command. Thin: parses, validates, calls the packages. */
export { runCli } from './run.js';
export { createProgram, type CreateProgramOptions } from './program.js';
export { loadConfig, cliConfigSchema, type CliConfig } from './config.js';
export { createLogger, type Logger } from './logger.js';
export type { CliContext, Output } from './context.js';
export { defaultServices, type Services, type MlflowUpOptions } from './services/index.js';
export { commands, type CommandModule } from './commands/index.js';
