import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepoRoot } from '@champion/mlflow-server';
import { writeSynthCsv } from '@champion/tabular';
import { MlflowClient } from 'mlflow-js-client';
import type { CliContext } from '../context.js';
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

/** What every step of the demo shares. */
interface DemoRun {
  readonly context: CliContext;
  readonly flags: DemoFlags;
  readonly json: boolean;
  readonly client: MlflowClient;
  readonly mlflowUrl: string;
}

/** The synthetic credit data (written once per row count, under mlruns/demo). */
async function demoData(rows: number): Promise<string> {
  const dataDir = join(findRepoRoot(), 'mlruns', 'demo');
  const csv = join(dataDir, `credit-demo-${rows}.csv`);
  if (!existsSync(csv)) {
    await mkdir(dataDir, { recursive: true });
    await writeSynthCsv({ rows, seed: 7, out: csv });
  }
  return csv;
}

/** Trains and gates the demo model, printing the summary. */
async function trainDemo(run: DemoRun, csv: string): Promise<void> {
  const { context, json, client } = run;
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
    text: summaryText(summary, run.mlflowUrl),
    data: {
      event: 'trained',
      runId: summary.runId,
      version: summary.version ?? null,
      promoted: summary.decision?.promote ?? false,
      unchanged: summary.unchanged ?? null,
    },
  });
}

/**
 * Serves the champion as `champion serve` does, runs the second act unless told not to, then
 * waits for Ctrl-C (or MLflow's end, an error).
 */
async function serveDemo(
  run: DemoRun,
  options: {
    csv: string;
    shutdown: Promise<unknown>;
    mlflowExited: Promise<unknown>;
    logFile: string;
  },
): Promise<void> {
  const { context, flags, json, client } = run;
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
      text: `\n${readyText({ model, url: service.url, mlflowUri: run.mlflowUrl, webUi: config.ui })}\nMLflow UI: ${run.mlflowUrl}  (Ctrl-C to stop)`,
      data: {
        event: 'ready',
        mlflowUi: run.mlflowUrl,
        docs: `${service.url}/docs`,
        ...(config.ui ? { ui: `${service.url}/ui/` } : {}),
        url: service.url,
        model: `models:/${DEMO_MODEL}@champion`,
        version: model.version,
      },
    });
    if (flags.secondAct) {
      const abort = new AbortController();
      void options.shutdown.then(() => abort.abort());
      await secondAct({
        context,
        json,
        client,
        service,
        config,
        name: DEMO_MODEL,
        data: options.csv,
        signal: abort.signal,
      });
      context.output.result({
        json,
        text: `MLflow UI: ${run.mlflowUrl}  (Ctrl-C to stop)`,
        data: { event: 'second-act-done' },
      });
    }
    const outcome = await Promise.race([
      options.shutdown.then(() => 'signal' as const),
      options.mlflowExited.then(() => 'exited' as const),
    ]);
    if (outcome === 'exited') {
      throw new Error(`mlflow server stopped unexpectedly; see ${options.logFile}`);
    }
  } finally {
    await service.shutdown();
  }
}

/**
 * `champion demo`: the main job on the embedded default, one command on a fresh machine: start
 * MLflow (sqlite in mlruns/), write the synthetic credit data (once), train and crown the demo
 * model, serve it, run the production loop once on drifted traffic (the second act), then keep
 * MLflow and the service up in the foreground for the UI.
 */
export const demoCommand: CommandModule = {
  register(program, context) {
    program
      .command('demo')
      .description(
        'Run the demo on the embedded default: start MLflow (mlruns/), train the demo credit-default model on synthetic data, crown it @champion, serve it, then monitor drifted traffic and retrain',
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
          const csv = await demoData(flags.rows);
          const client = new MlflowClient({ trackingUri: server.url, logger: context.logger });
          const run: DemoRun = { context, flags, json, client, mlflowUrl: server.url };
          try {
            await trainDemo(run, csv);
            await serveDemo(run, {
              csv,
              shutdown,
              mlflowExited: server.exited,
              logFile: server.logFile,
            });
          } finally {
            await client.close();
          }
        } finally {
          await server.stop();
        }
      });
  },
};
