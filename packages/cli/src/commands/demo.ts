import type { Command } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePort } from './options.js';
import { runMlflowInForeground } from './run-mlflow.js';

/** `champion demo`: the main job on the embedded default, one command on a fresh machine. */
export const demoCommand: CommandModule = {
  register(program, context) {
    program
      .command('demo')
      .description(
        'Run the demo on the embedded default: start MLflow (sqlite in mlruns/) and keep it up',
      )
      .option('--port <port>', 'MLflow port', parsePort, 5000)
      .action(async (_flags: { port: number }, command: Command) => {
        const flags = command.optsWithGlobals<{ port: number } & GlobalOptions>();
        await runMlflowInForeground({
          up: { host: '127.0.0.1', port: flags.port, workers: 1 },
          json: flags.json === true,
          context,
        });
      });
  },
};
