import type { Command } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { parseList, parsePort, parsePositiveInt } from './options.js';
import { runMlflowInForeground } from './run-mlflow.js';

interface UpFlags {
  host: string;
  port: number;
  workers: number;
  backendStoreUri?: string;
  artifactsDestination?: string;
  allowedHosts?: string[];
}

/** `champion mlflow ...`: the MLflow tracking server champion runs for you. */
export const mlflowCommand: CommandModule = {
  register(program, context) {
    const mlflow = program
      .command('mlflow')
      .description('Run the MLflow tracking server (the system of record)');
    mlflow
      .command('up')
      .description(
        'Provision the MLflow venv from conda.yaml and run the server in the foreground ' +
          '(embedded default: sqlite in mlruns/mlflow.db, artifacts in mlruns/artifacts)',
      )
      .option('--host <host>', 'interface to bind', '127.0.0.1')
      .option('--port <port>', 'port to listen on', parsePort, 5000)
      .option('--workers <n>', 'server worker processes', parsePositiveInt, 1)
      .option(
        '--backend-store-uri <uri>',
        'e.g. postgresql://user@host:5432/mlflow (default: embedded sqlite)',
      )
      .option(
        '--artifacts-destination <dir-or-uri>',
        'where artifacts are stored (default: mlruns/artifacts)',
      )
      .option(
        '--allowed-hosts <list>',
        'comma-separated Host headers to accept, for containers/proxies',
        parseList,
      )
      .action(async (_flags: UpFlags, command: Command) => {
        const flags = command.optsWithGlobals<UpFlags & GlobalOptions>();
        await runMlflowInForeground({
          up: {
            host: flags.host,
            port: flags.port,
            workers: flags.workers,
            ...(flags.backendStoreUri ? { backendStoreUri: flags.backendStoreUri } : {}),
            ...(flags.artifactsDestination
              ? { artifactsDestination: flags.artifactsDestination }
              : {}),
            ...(flags.allowedHosts ? { allowedHosts: flags.allowedHosts } : {}),
          },
          json: flags.json === true,
          context,
        });
      });
  },
};
