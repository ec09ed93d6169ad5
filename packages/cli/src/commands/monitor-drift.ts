/**
 * `champion monitor drift`: per-column drift of a current file against a reference (a data file,
 * a model folder or `models:/NAME@ALIAS` with its stored reference), with Evidently 0.7's
 * DataDriftPreset rules; prediction drift when the reference is a model's and the current data
 * has its scores. `--json` prints the report object; `--html` writes a self-contained page.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type * as MonitorModule from '@champion/monitor';
import type { DatasetData, DriftMethod, DriftReport, LoadedReference } from '@champion/monitor';
import type { CliContext } from '../context.js';
import { withTracking } from '../services/tracking.js';
import { monitorGroup } from './monitor.js';
import { parseList } from './options.js';
import { createProgress } from './progress.js';
import type { CommandModule, GlobalOptions } from './types.js';

// @champion/monitor is imported when the command runs (as `monitor run` does), not at start-up.
type Monitor = typeof MonitorModule;

interface DriftFlags {
  reference: string;
  current: string;
  store?: string;
  name?: string;
  since?: Date;
  until?: Date;
  exclude?: string[];
  method?: string;
  columnMethod?: Record<string, string>;
  threshold?: number;
  columnThreshold?: Record<string, number>;
  scoreColumn: string;
  html?: string;
}

/** The drift methods, as @champion/monitor's `METHODS` lists them (checked when the command runs). */
const METHOD_HELP = 'ks, chisquare, ztest, wasserstein, jensenshannon';

function checkMethod(monitor: Monitor, flag: string, value: string): DriftMethod {
  const method = monitor.METHODS.find((m) => m === value);
  if (method === undefined) {
    throw new InvalidArgumentError(
      `${flag} ${value}: expected one of ${monitor.METHODS.join(', ')}.`,
    );
  }
  return method;
}

function checkMethods(
  monitor: Monitor,
  pairs: Record<string, string>,
): Record<string, DriftMethod> {
  const out: Record<string, DriftMethod> = {};
  for (const [column, value] of Object.entries(pairs)) {
    out[column] = checkMethod(monitor, `--column-method ${column}=`, value);
  }
  return out;
}

function parsePairs<T>(parse: (v: string) => T): (value: string) => Record<string, T> {
  return (value) => {
    const out: Record<string, T> = {};
    for (const pair of parseList(value)) {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new InvalidArgumentError(`expected COLUMN=VALUE pairs, got "${pair}".`);
      out[pair.slice(0, at)] = parse(pair.slice(at + 1));
    }
    return out;
  };
}

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0.');
  return n;
}

const DATA_FILE = /\.(csv|tsv|txt|parquet|pq)$/i;

interface ReferenceJob {
  readonly monitor: Monitor;
  readonly flags: DriftFlags;
}

async function loadReference(
  job: ReferenceJob,
  context: CliContext,
  onRows: (n: number) => void,
): Promise<LoadedReference> {
  const { monitor, flags } = job;
  const { downloadModelReference, fileReference, readDriftDataInWorker, readModelReference } =
    monitor;
  const ref = flags.reference;
  if (ref.startsWith('models:/')) {
    return withTracking({ env: process.env, logger: context.logger }, (tracking) =>
      downloadModelReference(ref, tracking.client),
    );
  }
  if (existsSync(ref) && (statSync(ref).isDirectory() || ref.endsWith('.json'))) {
    return readModelReference(ref);
  }
  if (!DATA_FILE.test(ref) && existsSync(ref)) {
    throw new InvalidArgumentError(
      `--reference ${ref}: expected a CSV/Parquet file, a model folder or models:/NAME@ALIAS.`,
    );
  }
  // A worker thread reads the reference file while this thread reads the current one.
  return fileReference(await readDriftDataInWorker(ref, onRows), ref);
}

function parseInstant(value: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new InvalidArgumentError('expected an ISO 8601 time, e.g. 2026-12-01T00:00:00Z.');
  return new Date(time);
}

/** The current side: a file, or (`--current store`) what the service stored. */
async function loadCurrent(
  monitor: Monitor,
  flags: DriftFlags,
  onRows: (n: number) => void,
): Promise<{ data: DatasetData; source: string }> {
  if (flags.current !== 'store') {
    const storeOnly = (['store', 'name', 'since', 'until'] as const).filter(
      (key) => flags[key] !== undefined,
    );
    if (storeOnly.length > 0)
      throw new InvalidArgumentError(
        `--${storeOnly[0] ?? ''} reads the inference store: pass --current store with it.`,
      );
    const data = await monitor.readDriftData(flags.current, { onProgress: onRows });
    return { data, source: flags.current };
  }
  const { inferenceStoreSetting } = await import('@champion/inference-store');
  return monitor.readStoreDriftData({
    setting: flags.store ?? inferenceStoreSetting(process.env),
    model: flags.name,
    from: flags.since,
    to: flags.until,
    scoreColumn: flags.scoreColumn,
    onProgress: onRows,
  });
}

function text(report: DriftReport): string {
  const width = Math.max(6, ...report.columns.map((c) => c.name.length));
  const lines = report.columns.map(
    (c) =>
      `${c.name.padEnd(width)}  ${c.type.padEnd(11)}  ${c.method.padEnd(13)}  ${c.score.toPrecision(4).padStart(10)}  ${c.drifted ? 'DRIFT' : 'ok'}`,
  );
  const p = report.prediction;
  return [
    `${'column'.padEnd(width)}  type         method              score  decision`,
    ...lines,
    `dataset ${report.drifted ? 'DRIFT' : 'no drift'}: ${report.driftedCount} of ${report.columns.length} columns drifted (share ${report.share.toFixed(3)})`,
    p === null
      ? `prediction drift: not computed (${report.predictionNote ?? ''})`
      : `prediction drift: ${p.method} ${p.score.toPrecision(4)} ${p.drifted ? 'DRIFT' : 'ok'}; positive rate ${p.currentPositiveRate?.toFixed(3) ?? '–'} vs ${p.referencePositiveRate?.toFixed(3) ?? '–'}`,
    ...report.skipped.map((s) => `skipped ${s.name}: ${s.reason}`),
  ].join('\n');
}

/** Adds `drift` to the `monitor` command group. */
export function addMonitorDrift(monitor: Command, context: CliContext): void {
  monitor
    .command('drift')
    .description(
      "Per-column data drift and prediction drift with Evidently's DataDriftPreset rules",
    )
    .requiredOption(
      '--reference <source>',
      'CSV/Parquet file, model folder, reference.json or models:/NAME@ALIAS',
    )
    .requiredOption(
      '--current <source>',
      "CSV/Parquet file of current data, or 'store': the records the service stored",
    )
    .option('--store <uri>', 'with --current store: the store (default CHAMPION_INFERENCE_STORE)')
    .option('--name <model>', "with --current store: only this model's records")
    .option(
      '--since <time>',
      'with --current store: records from this time (ISO 8601)',
      parseInstant,
    )
    .option('--until <time>', 'with --current store: records before this time', parseInstant)
    .option('--exclude <cols>', 'comma-separated columns to leave out', parseList)
    .option('--method <m>', `one method for every column (${METHOD_HELP})`)
    .option(
      '--column-method <pairs>',
      'per-column methods: COL=METHOD,...',
      parsePairs((v) => v),
    )
    .option('--threshold <x>', 'one drift threshold for every column', parseThreshold)
    .option(
      '--column-threshold <pairs>',
      'per-column thresholds: COL=X,...',
      parsePairs(parseThreshold),
    )
    .option(
      '--score-column <col>',
      "current data's probability column (prediction drift)",
      'probability',
    )
    .option('--html <file>', 'write a self-contained HTML report')
    .action(async (_flags: DriftFlags, command: Command) => {
      const flags = command.optsWithGlobals<DriftFlags & GlobalOptions>();
      const monitor = await import('@champion/monitor');
      const method =
        flags.method === undefined ? undefined : checkMethod(monitor, '--method', flags.method);
      const perColumnMethod =
        flags.columnMethod === undefined ? undefined : checkMethods(monitor, flags.columnMethod);
      const json = flags.json === true;
      const progress = createProgress({ json });
      const rows = (side: string) => (n: number) =>
        progress.update(() => `${side}: ${n.toLocaleString('en-US')} rows read`);
      const [reference, current] = await Promise.all([
        loadReference({ monitor, flags }, context, rows('reference')),
        loadCurrent(monitor, flags, rows('current')),
      ]);
      progress.update('computing drift');
      const report = monitor.runDrift({
        reference,
        current: current.data,
        currentSource: current.source,
        scoreColumn: flags.scoreColumn,
        options: {
          ...(flags.exclude === undefined ? {} : { exclude: flags.exclude }),
          ...(method === undefined ? {} : { method }),
          ...(perColumnMethod === undefined ? {} : { perColumnMethod }),
          ...(flags.threshold === undefined ? {} : { threshold: flags.threshold }),
          ...(flags.columnThreshold === undefined
            ? {}
            : { perColumnThreshold: flags.columnThreshold }),
        },
      });
      if (flags.html !== undefined) await writeFile(flags.html, monitor.driftReportHtml(report));
      progress.done();
      context.output.result({ json, text: text(report), data: monitor.driftReportJson(report) });
    });
}

/** `champion monitor drift`, in the shared `monitor` group. */
export const monitorDriftCommand: CommandModule = {
  register(program, context) {
    addMonitorDrift(monitorGroup(program), context);
  },
};
