import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepoRoot } from '@champion/mlflow-server';
import { writeSynthCsv } from '@champion/tabular';
import { MlflowClient } from 'mlflow-js-client';
import type { CommandModule, GlobalOptions } from './types.js';
import { parsePort, parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';
import { summaryText } from './train.js';
import { secondAct } from './demo-second-act.js';
import { firstModel, interactiveDrainDelay, readyText } from './serve.js';

const DEMO_ROWS = 20_000;
const DEMO_MODEL = 'credit-default';

interface DemoFlags {
  port: number;
  rows: number;
  servePort: number;
  secondAct: boolean;
}

/**
 * `champion demo`: the main job on the embedded default, one command on a fresh machine: start
 * MLflow (sqlite in mlruns/), write the synthetic credit data (once), train and crown the demo
 * model, then keep MLflow up in the foreground for the UI.
 */
export const demoCommand: CommandModule = {
  register(program, context) {
    program
      .command('demo')
      .description(
        'Run the demo on the embedded default: start MLflow (mlruns/), train the demo credit-default model on synthetic data, crown it @champion and serve it',
      )
      .option('--port <port>', 'MLflow port', parsePort, 5000)
      .option('--rows <n>', 'synthetic rows', parsePositiveInt, DEMO_ROWS)
      .option('--serve-port <port>', 'port of the champion service', parsePort, 8080)
      .option(
        '--no-second-act',
        'stop after serving: no simulated drifted traffic, monitoring turn and retraining',
      )
      .action(async (_flags: DemoFlags, command: Command) => {
        const flags = command.optsWithGlobals<DemoFlags & GlobalOptions>();
        const json = flags.json === true;
        const shutdown = context.shutdownSignal();
        const server = await context.services.mlflowUp(
          { host: '127.0.0.1', port: flags.port, workers: 1 },
          context.logger,
        );
        try {
          context.output.result({
            json,
            text: `MLflow UI: ${server.url}`,
            data: { event: 'mlflow-ready', url: server.url },
          });
          const dataDir = join(findRepoRoot(), 'mlruns', 'demo');
          const csv = join(dataDir, `credit-demo-${flags.rows}.csv`);
          if (!existsSync(csv)) {
            await mkdir(dataDir, { recursive: true });
            await writeSynthCsv({ rows: flags.rows, seed: 7, out: csv });
          }
          const client = new MlflowClient({ trackingUri: server.url, logger: context.logger });
          const progress = createProgress({ json });
          const { train } = await import('@champion/trainer');
          const summary = await train({
            client,
            name: DEMO_MODEL,
            data: { path: csv, target: 'default', idColumns: ['id'], seed: 42 },
            candidates: 2,
            timeBudgetSeconds: 120,
            command: 'champion demo',
            onEvent: (e) => progress.update(`${e.stage}: ${e.message}`),
          }).finally(() => progress.done());
          context.output.result({
            json,
            text: summaryText(summary, server.url),
            data: {
              event: 'trained',
              runId: summary.runId,
              version: summary.version ?? null,
              promoted: summary.decision?.promote ?? false,
              unchanged: summary.unchanged ?? null,
            },
          });
          // The demo ends with the champion served, as in production: `champion serve`.
          const { loadServingConfig, startServer } = await import('@champion/serving');
          const config = loadServingConfig(process.env, {
            // For a person on 127.0.0.1, never behind a load balancer: Ctrl-C stops at once.
            ...interactiveDrainDelay({ env: process.env, interactive: true }),
            modelName: DEMO_MODEL,
            modelAlias: 'champion',
            // The second act's retrained champion is served within seconds.
            pollIntervalMs: 5000,
            port: flags.servePort,
            host: '127.0.0.1',
          });
          const service = await startServer({ config, client, logger: context.logger });
          try {
            const model = await firstModel(service);
            context.output.result({
              json,
              text: `\n${readyText({ model, url: service.url, mlflowUri: server.url })}\nMLflow UI: ${server.url}  (Ctrl-C to stop)`,
              data: {
                event: 'ready',
                mlflowUi: server.url,
                docs: `${service.url}/docs`,
                url: service.url,
                model: `models:/${DEMO_MODEL}@champion`,
                version: model.version,
              },
            });
            if (flags.secondAct) {
              const abort = new AbortController();
              void shutdown.then(() => abort.abort());
              await secondAct({
                context,
                json,
                client,
                service,
                config,
                name: DEMO_MODEL,
                data: csv,
                signal: abort.signal,
              });
              context.output.result({
                json,
                text: `MLflow UI: ${server.url}  (Ctrl-C to stop)`,
                data: { event: 'second-act-done' },
              });
            }
            const outcome = await Promise.race([
              shutdown.then(() => 'signal' as const),
              server.exited.then(() => 'exited' as const),
            ]);
            if (outcome === 'exited') {
              throw new Error(`mlflow server stopped unexpectedly; see ${server.logFile}`);
            }
          } finally {
            await service.shutdown();
            await client.close();
          }
        } finally {
          await server.stop();
        }
      });
  },
};
