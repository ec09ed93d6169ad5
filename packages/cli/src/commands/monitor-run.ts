/**
 * `champion monitor run`: one turn of the retraining loop (or one every `--every`), see
 * @champion/monitor's loop. `--json` prints the turn's result object, one line per turn. The
 * `monitor` command group is shared with other monitor subcommands (drift, labels...): each adds
 * itself to it, whichever registers first creates it.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { MonitorResult } from '@champion/monitor';
import type { CliContext } from '../context.js';
import { monitorGroup } from './monitor.js';
import type { CommandModule, GlobalOptions } from './types.js';
import { withTracking } from '../services/tracking.js';

interface MonitorRunFlags {
  name: string;
  policy?: string;
  since?: string;
  until?: string;
  every?: string;
  force?: boolean;
  data?: string;
  events?: boolean;
}

function parseInstant(value: string): string {
  if (Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('expected an ISO 8601 time, e.g. 2026-12-01T00:00:00Z.');
  return new Date(value).toISOString();
}

async function parseEvery(value: string): Promise<number> {
  const { parseDuration } = await import('@champion/monitor');
  return parseDuration(value) ?? Number.NaN;
}

/** One line per finding, for people. */
export function resultText(r: MonitorResult): string {
  if (r.run_id === null)
    return `${r.model.name} v${r.model.version}: ${r.decision.reasons.join('; ')}`;
  const lines = [
    `${r.model.name} v${r.model.version}: window ${r.window.from ?? '?'} .. ${r.window.to ?? '?'}, ${r.window.rows} rows, ${r.window.labelled} labelled${r.window.foreign > 0 ? ` (${r.window.foreign} records of the same name without this model's features left out)` : ''}`,
    `drift share ${r.drift?.share.toFixed(3) ?? '-'}${r.drift?.weighted_share == null ? '' : ` (weighted ${r.drift.weighted_share.toFixed(3)})`}; performance ${JSON.stringify(r.performance?.metrics ?? {})}`,
    `decision: ${r.decision.action}${r.decision.version === null ? '' : ` (v${r.decision.version}, gate ${r.decision.gate ?? '?'})`}`,
    ...r.decision.reasons.map((reason) => `  ${reason}`),
    `monitoring run: ${r.run_id}`,
  ];
  return lines.join('\n');
}

async function turn(
  context: CliContext,
  flags: MonitorRunFlags & GlobalOptions,
  signal: AbortSignal,
): Promise<void> {
  const { createLoopPorts, loadPolicy, runMonitor } = await import('@champion/monitor');
  const policy = await loadPolicy(flags.policy);
  const result = await withTracking({ env: process.env, logger: context.logger }, ({ client }) =>
    runMonitor({
      client,
      name: flags.name,
      policy,
      ports: createLoopPorts({
        name: flags.name,
        env: process.env,
        client,
        minLabels: policy.performance?.minLabels,
      }),
      since: flags.since,
      until: flags.until,
      force: flags.force,
      data: flags.data,
      signal,
      onEvent: (e) => {
        // As `champion train --events`: what the control service folds into a job's progress.
        if (flags.json === true && flags.events === true)
          context.output.result({ json: true, text: '', data: { event: 'progress', ...e } });
        context.logger.info(`${e.stage}: ${e.message}`);
      },
    }),
  );
  context.output.result({
    json: flags.json === true,
    text: resultText(result),
    data: { ...result },
  });
}

/** `champion monitor run`. */
export const monitorRunCommand: CommandModule = {
  register(program, context) {
    monitorGroup(program)
      .command('run')
      .description(
        'Read the served records since the last run, measure drift and performance, log a monitoring run to MLflow, and retrain when the policy fires',
      )
      .requiredOption('--name <model>', 'registered model name')
      .option('--policy <file>', 'retraining policy (JSON or YAML; defaults documented)')
      .option(
        '--since <time>',
        'window start (ISO 8601) instead of the last checkpoint',
        parseInstant,
      )
      .option('--until <time>', 'window end (ISO 8601)', parseInstant)
      .option('--every <interval>', 'run again every interval (e.g. 15m) until Ctrl-C')
      .option('--force', 'retrain now whatever the signals and the cooldown')
      .option('--data <file>', "training data to retrain on instead of the champion's recorded one")
      .option(
        '--events',
        'with --json: also write each progress event as a JSON line ({"event":"progress",...}) before the result',
      )
      .action(async (_flags: MonitorRunFlags, command: Command) => {
        const flags = command.optsWithGlobals<MonitorRunFlags & GlobalOptions>();
        const abort = new AbortController();
        void context.shutdownSignal().then((signal) => abort.abort(signal));
        if (flags.every === undefined) return turn(context, flags, abort.signal);
        const everyMs = await parseEvery(flags.every);
        if (!(everyMs > 0))
          command.error(
            `error: --every '${flags.every}': expected a duration such as 15m, 1h or 1d`,
          );
        const { runEvery } = await import('@champion/monitor');
        await runEvery({
          everyMs,
          signal: abort.signal,
          turn: (signal) => turn(context, flags, signal),
          onError: (error) =>
            context.logger.error(
              `monitor run failed: ${error instanceof Error ? error.message : String(error)}; trying again in ${flags.every ?? '?'}`,
            ),
        });
      });
  },
};
