/**
 * `champion simulate`: production traffic from a data file, sent for real to a running service.
 * Draws N rows (seeded), applies the --drift terms, sends them to /predict in batches with bounded
 * concurrency, waits the label delay, then sends each row's true label to /feedback under the
 * request id the service gave it. Nothing is dropped silently: every failed request and every
 * label the service did not store is counted in the summary, and `ok` is false then.
 */
import { createRng } from '@champion/tabular';
import { readData } from './data.js';
import { checkDriftColumns, parseDriftSpec, type DriftTerm } from './drift-spec.js';
import { SimulationError } from './errors.js';
import { recordMaker, trueLabels, type LabelItem } from './records.js';
import { applyDrift, sampleColumns } from './sample.js';
import { servedModel, type ServiceOptions } from './service.js';
import type { SimulationSummary } from './summary.js';
import { sendFeedback, sendPredictions } from './traffic.js';

export interface SimulateOptions {
  /** The registered model the service must be serving. */
  readonly name: string;
  readonly url: string;
  readonly data: string;
  /** The data's label column. */
  readonly target: string;
  readonly rows: number;
  /** The --drift spec (see drift-spec.ts). */
  readonly drift?: string | undefined;
  /** Wait between the last prediction and the first label. @default 0 */
  readonly labelDelayMs?: number;
  /** @default 42 */
  readonly seed?: number;
  /** Requests in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Records per /predict request. @default 100 */
  readonly batchSize?: number;
  /** Labels per /feedback request. @default 500 */
  readonly feedbackBatchSize?: number;
  readonly apiKey?: string | undefined;
  /** @default 30000 */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationProgress {
  readonly phase: 'predict' | 'wait' | 'feedback';
  readonly done: number;
  readonly total: number;
}

function positiveInt(value: number, flag: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new SimulationError('CONFIG', `${flag} must be a whole number ≥ 1, got ${value}.`);
  return value;
}

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !/^https?:$/.test(parsed.protocol))
    throw new SimulationError(
      'CONFIG',
      `--url '${url}' is not an http(s) URL, e.g. http://127.0.0.1:8080.`,
    );
}

interface Settings {
  readonly rows: number;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly feedbackBatchSize: number;
  readonly seed: number;
  readonly labelDelayMs: number;
  readonly terms: readonly DriftTerm[];
  readonly service: ServiceOptions;
}

/** Checks every option before anything is read or sent. */
function settingsOf(options: SimulateOptions): Settings {
  checkUrl(options.url);
  const delay = options.labelDelayMs ?? 0;
  if (!(delay >= 0 && Number.isFinite(delay)))
    throw new SimulationError('CONFIG', `--label-delay must be ≥ 0 ms, got ${delay}.`);
  return {
    rows: positiveInt(options.rows, '--rows'),
    concurrency: positiveInt(options.concurrency ?? 4, '--concurrency'),
    batchSize: positiveInt(options.batchSize ?? 100, '--batch-size'),
    feedbackBatchSize: positiveInt(options.feedbackBatchSize ?? 500, '--feedback-batch-size'),
    seed: options.seed ?? 42,
    labelDelayMs: delay,
    terms: parseDriftSpec(options.drift ?? ''),
    service: { url: options.url, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 30_000 },
  };
}

/** The served model (checked against --name), the sampled and drifted rows, their labels. */
async function prepare(options: SimulateOptions, settings: Settings) {
  const model = await servedModel(settings.service);
  if (model.name !== options.name) {
    throw new SimulationError(
      'SERVICE',
      `The service at ${options.url} serves '${model.name}' (version ${model.version}), not '${options.name}'; check --url or --name.`,
    );
  }
  const { table, target, eligible } = await readData(options, model);
  checkDriftColumns(settings.terms, new Map(model.features.map((f) => [f.name, f.type] as const)));
  const rng = createRng(settings.seed);
  const features = model.features.map((f) => f.name);
  const sample = sampleColumns({ table, names: features, eligible, rows: settings.rows, rng });
  const drift = applyDrift(sample, settings.terms, rng.fork());
  const labels = trueLabels({ target, picked: sample.picked, modelTarget: model.target });
  return {
    model,
    fileRows: table.rowCount,
    eligible: eligible.length,
    features,
    sample,
    drift,
    labels,
  };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The two phases on the wire: predictions, the label delay, feedback. */
async function send(options: SimulateOptions, settings: Settings, prepared: Prepared) {
  const { service, concurrency } = settings;
  const report = (phase: SimulationProgress['phase'], total: number) => (done: number) =>
    options.onProgress?.({ phase, done, total });
  const predict = await sendPredictions({
    service,
    rows: settings.rows,
    record: recordMaker(prepared.sample, prepared.features),
    batching: {
      batchSize: settings.batchSize,
      concurrency,
      onProgress: report('predict', settings.rows),
    },
  });
  const items: LabelItem[] = [];
  predict.requestIds.forEach((id, row) => {
    if (id !== undefined) items.push({ request_id: id, label: prepared.labels[row] ?? '' });
  });
  if (settings.labelDelayMs > 0 && items.length > 0) {
    report('wait', settings.labelDelayMs)(0);
    await new Promise((resolve) => setTimeout(resolve, settings.labelDelayMs));
  }
  const feedback = await sendFeedback({
    service,
    labels: items,
    batching: {
      batchSize: settings.feedbackBatchSize,
      concurrency,
      onProgress: report('feedback', items.length),
    },
  });
  return { predict, feedback, labelsSent: items.length };
}

/** Runs the simulation; see the module header. Throws only before the first request. */
export async function simulate(options: SimulateOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const settings = settingsOf(options);
  const prepared = await prepare(options, settings);
  const { predict, feedback, labelsSent } = await send(options, settings, prepared);
  const labelsLost =
    feedback.counts.rowsFailed + feedback.unknown + feedback.invalid + predict.withoutRequestId;
  return {
    ok:
      predict.counts.failed === 0 &&
      labelsLost === 0 &&
      (feedback.accepted ?? labelsSent) === labelsSent,
    name: options.name,
    url: options.url,
    model: { name: prepared.model.name, version: prepared.model.version },
    data: {
      file: options.data,
      target: options.target,
      fileRows: prepared.fileRows,
      rowsWithTarget: prepared.eligible,
    },
    sample: {
      rows: settings.rows,
      seed: settings.seed,
      withReplacement: prepared.sample.withReplacement,
    },
    drift: prepared.drift,
    predict: {
      ...predict.counts,
      withoutRequestId: predict.withoutRequestId,
      models: predict.models,
    },
    feedback: {
      labelDelayMs: settings.labelDelayMs,
      labelsSent,
      ...feedback.counts,
      accepted: feedback.accepted,
      unknown: feedback.unknown,
      invalid: feedback.invalid,
    },
    settings: {
      concurrency: settings.concurrency,
      batchSize: settings.batchSize,
      feedbackBatchSize: settings.feedbackBatchSize,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
