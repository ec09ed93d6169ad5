import type { Command } from 'commander';
import type { RunningServer, ServedModel, ServingConfig, ShutdownReport } from '@champion/serving';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePort } from './options.js';
import { openTracking } from '../services/tracking.js';
import type { CliContext } from '../context.js';

interface ServeFlags {
  name?: string;
  alias?: string;
  port?: number;
  host?: string;
}

/** Resolves with the first model the server serves (now, or at its first load/swap). */
export function firstModel(server: RunningServer): Promise<ServedModel> {
  const now = server.host.current();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => server.host.onSwap((next) => resolve(next)));
}

export function readyText(options: {
  model: ServedModel;
  url: string;
  mlflowUri: string;
  /** Whether the web UI is served (CHAMPION_UI). */
  webUi: boolean;
}): string {
  const { model, url, mlflowUri } = options;
  const ui = mlflowUri.replace(/\/+$/, '');
  return [
    `serving ${model.name} version ${model.version}${model.alias ? ` (@${model.alias})` : ''} at ${url}`,
    ...(options.webUi
      ? [`  web UI:    ${url}/ui/   (score an applicant, model card, monitoring)`]
      : []),
    `  API docs:  ${url}/docs`,
    `  predict:   POST ${url}/predict   (also /invocations, /v2/models/${model.name}/infer)`,
    `  MLflow UI: ${ui}/#/models/${encodeURIComponent(model.name)}/versions/${model.version}`,
  ].join('\n');
}

/**
 * Hands every SIGINT/SIGTERM to the server's shutdown sequence (the first starts it, later ones
 * escalate: see RunningServer.signal); returns how to stop listening.
 */
function forwardSignals(server: RunningServer): () => void {
  const forward = (signal: NodeJS.Signals): void => void server.signal(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return () => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  };
}

async function serve(options: {
  config: ServingConfig;
  json: boolean;
  context: CliContext;
}): Promise<void> {
  const { config, json, context } = options;
  const shutdownSignal = context.shutdownSignal();
  // MLFLOW_TRACKING_URI when set, else the embedded server (found or started for this command).
  const tracking = await openTracking({ env: process.env, logger: context.logger });
  let server: RunningServer | undefined;
  let unforward = (): void => undefined;
  let report: ShutdownReport | undefined;
  try {
    const { startServer } = await import('@champion/serving');
    server = await startServer({ config, client: tracking.client, logger: context.logger });
    const running = server;
    unforward = forwardSignals(running);
    const outcome = await Promise.race([
      firstModel(running).then((model) => ({ model })),
      shutdownSignal.then((signal) => ({ signal })),
    ]);
    if ('model' in outcome) {
      const { model } = outcome;
      context.output.result({
        json,
        text: readyText({ model, url: running.url, mlflowUri: tracking.uri, webUi: config.ui }),
        data: {
          event: 'serving',
          url: running.url,
          docs: `${running.url}/docs`,
          ...(config.ui ? { ui: `${running.url}/ui/` } : {}),
          model: model.name,
          version: model.version,
          alias: model.alias ?? null,
          trackingUri: tracking.uri,
        },
      });
      await shutdownSignal;
    }
  } finally {
    report = await server?.shutdown();
    unforward();
    await tracking.close();
  }
  if (report?.clean === false) {
    // The sequence has logged what was cut; the exit code says it to the supervisor.
    throw new Error(
      `shutdown was not clean: ${report.cutRequests} request(s) cut, unfinished: ${report.unfinished.join(', ') || 'none'} (CHAMPION_SHUTDOWN_GRACE_MS=${config.shutdownGraceMs})`,
    );
  }
}

/**
 * At a terminal nothing routes traffic to the server, so Ctrl-C need not wait for load
 * balancers: the drain delay is 0 there unless CHAMPION_DRAIN_DELAY_MS says otherwise.
 */
export function interactiveDrainDelay(options: { env: NodeJS.ProcessEnv; interactive: boolean }): {
  drainDelayMs?: number;
} {
  const set = (options.env['CHAMPION_DRAIN_DELAY_MS'] ?? '') !== '';
  return !set && options.interactive ? { drainDelayMs: 0 } : {};
}

/** `champion serve`: serve the model a registry alias points at, following the alias as it moves. */
export const serveCommand: CommandModule = {
  register(program, context) {
    program
      .command('serve')
      .description(
        'Serve models:/NAME@ALIAS over HTTP (/predict, /invocations, /v2, /docs), swapping when the alias moves',
      )
      .option('--name <model>', 'registered model name (default: CHAMPION_MODEL_NAME)')
      .option('--alias <alias>', 'alias to follow (default: CHAMPION_MODEL_ALIAS or champion)')
      .option('--port <port>', 'port to listen on (default: PORT or 8080)', parsePort)
      .option(
        '--host <host>',
        'interface to bind (default: HOST or 127.0.0.1; 0.0.0.0 in containers)',
      )
      .action(async (_flags: ServeFlags, command: Command) => {
        const flags = command.optsWithGlobals<ServeFlags & GlobalOptions>();
        // The service's modules load when it starts, not at every CLI start-up.
        const { loadServingConfig } = await import('@champion/serving');
        const config = loadServingConfig(process.env, {
          ...interactiveDrainDelay({
            env: process.env,
            interactive: process.stdin.isTTY && process.stdout.isTTY === true,
          }),
          ...(flags.name === undefined ? {} : { modelName: flags.name }),
          ...(flags.alias === undefined ? {} : { modelAlias: flags.alias }),
          ...(flags.port === undefined ? {} : { port: flags.port }),
          ...(flags.host === undefined ? {} : { host: flags.host }),
        });
        if (config.modelName === undefined) {
          throw new Error(
            'Which model? Pass --name MODEL or set CHAMPION_MODEL_NAME (see `champion models list`).',
          );
        }
        await serve({ config, json: flags.json === true, context });
      });
  },
};
