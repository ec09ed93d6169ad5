/**
 * `champion simulate`: production-like traffic from a data file, sent for real to a running
 * service (rows to /predict, then their true labels to /feedback), optionally drifted. Prints what
 * it sent; exits 1 when any request failed or any label was not stored.
 */
import type { Command } from 'commander';
import { CommanderError, InvalidArgumentError, Option } from 'commander';
import { describeSimulation, simulate, type SimulationProgress } from '@champion/monitor';
import { parsePositiveInt } from './options.js';
import { createProgress } from './progress.js';
import type { CommandModule, GlobalOptions } from './types.js';

/** The exit code of a simulation in which some request failed or some label was not stored. */
export const SIMULATION_FAILED_EXIT = 1;

interface SimulateFlags {
  name: string;
  url: string;
  data: string;
  target: string;
  rows: number;
  drift?: string;
  labelDelay: number;
  seed: number;
  concurrency: number;
  batchSize: number;
  apiKey?: string;
}

function parseNonNegative(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0) || !Number.isFinite(n))
    throw new InvalidArgumentError('expected a number of milliseconds ≥ 0.');
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

function progressText(p: SimulationProgress): string {
  const f = (n: number): string => n.toLocaleString('en-US');
  if (p.phase === 'wait') return `waiting ${f(p.total)} ms before sending the labels`;
  const what = p.phase === 'predict' ? 'rows sent to /predict' : 'labels sent to /feedback';
  return `${f(p.done)} of ${f(p.total)} ${what}`;
}

/** `champion simulate`: see the module header. */
export const simulateCommand: CommandModule = {
  register(program, context) {
    program
      .command('simulate')
      .description('Send rows of a data file to a running service, then their true labels')
      .requiredOption('--name <name>', 'the registered model the service must be serving')
      .requiredOption('--url <url>', 'the service, e.g. http://127.0.0.1:8080')
      .requiredOption('--data <file>', 'CSV or Parquet file to draw rows from')
      .requiredOption('--target <column>', "the file's label column")
      .requiredOption(
        '--rows <n>',
        'rows to send (drawn with replacement beyond the file size)',
        parsePositiveInt,
      )
      .option(
        '--drift <spec>',
        "comma-separated changes to the rows: COL*f multiplies, COL+d adds, COL=value@p sets with probability p (e.g. 'LIMIT_BAL*1.4,AGE+8,EDUCATION=4@0.4')",
      )
      .option(
        '--label-delay <ms>',
        'wait between the last prediction and the labels',
        parseNonNegative,
        0,
      )
      .option('--seed <n>', 'seed of the row draw and the drift', parseSeed, 42)
      .option('--concurrency <n>', 'requests in flight at once', parsePositiveInt, 4)
      .option('--batch-size <n>', 'records per /predict request', parsePositiveInt, 100)
      .addOption(new Option('--api-key <key>', "the service's API key").env('CHAMPION_API_KEY'))
      .action(async (_flags: SimulateFlags, command: Command) => {
        const flags = command.optsWithGlobals<SimulateFlags & GlobalOptions>();
        const json = flags.json === true;
        const progress = createProgress({ json });
        const summary = await simulate({
          ...flags,
          labelDelayMs: flags.labelDelay,
          onProgress: (p) => progress.update(() => progressText(p)),
        }).finally(() => progress.done());
        context.output.result({
          json,
          text: describeSimulation(summary),
          data: { event: 'simulated', ...summary },
        });
        if (!summary.ok) {
          const message = `${summary.predict.failed} of ${summary.predict.requests} /predict and ${summary.feedback.failed} of ${summary.feedback.requests} /feedback requests failed; ${summary.feedback.accepted ?? 'an unknown number of'} of ${summary.predict.rowsOk} labels stored`;
          context.logger.error(message, { code: 'SIMULATION_FAILED' });
          throw new CommanderError(SIMULATION_FAILED_EXIT, 'champion.simulationFailed', message);
        }
      });
  },
};
