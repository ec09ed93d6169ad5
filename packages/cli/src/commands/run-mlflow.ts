import type { CliContext } from '../context.js';
import type { MlflowUpOptions } from '../services/index.js';

/**
 * Starts MLflow, prints its URL, and keeps it in the foreground until SIGINT/SIGTERM (then stops
 * it and every worker) or until it dies on its own (an error: its log says why).
 */
export async function runMlflowInForeground(options: {
  up: MlflowUpOptions;
  json: boolean;
  context: CliContext;
}): Promise<void> {
  const { context } = options;
  const shutdown = context.shutdownSignal();
  const server = await context.services.mlflowUp(options.up, context.logger);
  context.output.result({
    text: `MLflow UI: ${server.url}`,
    data: { event: 'ready', url: server.url, logFile: server.logFile, pid: server.pid },
    json: options.json,
  });
  context.logger.info('press Ctrl-C to stop', { logFile: server.logFile });
  const outcome = await Promise.race([
    shutdown.then((signal) => ({ signal })),
    server.exited.then((exit) => ({ exit })),
  ]);
  if ('signal' in outcome) {
    context.logger.info('stopping mlflow server', { signal: outcome.signal });
    await server.stop();
    context.logger.info('mlflow server stopped');
    return;
  }
  await server.stop();
  throw new Error(
    `mlflow server stopped unexpectedly (code ${outcome.exit.code}, signal ${outcome.exit.signal}); ` +
      `see ${server.logFile}.`,
  );
}
