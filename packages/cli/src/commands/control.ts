/**
 * `champion control`: the control service (training and monitoring jobs over HTTP). Jobs run
 * `champion` itself: this same program with the same Node flags (local executor), or the image's
 * CLI in a Kubernetes Job. Configuration is the environment (see @champion/control's config).
 */
import type { Command } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePort } from './options.js';
import { openTracking } from '../services/tracking.js';

/** This process's own command line, for job processes: `node [flags] <entry script>`. */
function selfCommand(): string[] {
  const entry = process.argv[1];
  if (entry === undefined) throw new Error('cannot tell how this champion was started');
  return [process.execPath, ...process.execArgv, entry];
}

export const controlCommand: CommandModule = {
  register(program, context) {
    program
      .command('control')
      .description(
        'Run the control service: POST /jobs/train, /jobs/monitor; GET /jobs (see /docs)',
      )
      .option('--port <port>', 'port (default: PORT or 8090)', parsePort)
      .action(async (_flags: unknown, command: Command) => {
        const flags = command.optsWithGlobals<{ port?: number } & GlobalOptions>();
        const { controlConfigFromEnv, createExecutor, startControl } =
          await import('@champion/control');
        const config = {
          ...controlConfigFromEnv(process.env),
          ...(flags.port === undefined ? {} : { port: flags.port }),
        };
        if (config.apiKey === undefined)
          context.logger.warn(
            'CHAMPION_API_KEY is not set: the control service is read-only (no jobs can be submitted)',
          );
        const shutdown = context.shutdownSignal();
        const tracking = await openTracking({ env: process.env, logger: context.logger });
        // Job processes talk to the same MLflow as this service.
        const env = { ...process.env, MLFLOW_TRACKING_URI: tracking.uri };
        const made = await createExecutor({
          config,
          env,
          command: selfCommand(),
          logger: context.logger,
        });
        try {
          const control = await startControl({
            config,
            executor: made.executor,
            client: tracking.client,
            logger: context.logger,
          });
          context.output.result({
            json: flags.json === true,
            text: `control service at ${control.url} (executor ${made.executor.kind}); API docs: ${control.url}/docs`,
            data: {
              event: 'control',
              url: control.url,
              docs: `${control.url}/docs`,
              executor: made.executor.kind,
            },
          });
          await shutdown;
          await control.close();
        } finally {
          await made.close();
          await tracking.close();
        }
      });
  },
};
