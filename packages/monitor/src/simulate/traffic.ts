/**
 * The two phases of a simulation on the wire: the sampled rows as /predict batches (collecting
 * each record's `request_id`), then their true labels as /feedback batches.
 */
import { forEachBounded } from './bounded.js';
import type { LabelItem } from './records.js';
import type { ServiceOptions } from './service.js';
import { call } from './service.js';
import { Tally, type RequestCounts } from './tally.js';

export interface Batching {
  readonly batchSize: number;
  readonly concurrency: number;
  /** Called after each request with the rows done so far. */
  readonly onProgress?: (rowsDone: number) => void;
}

export interface PredictOutcome {
  readonly counts: RequestCounts;
  /** The request id of each row, undefined where the request failed or carried none. */
  readonly requestIds: readonly (string | undefined)[];
  /** Rows answered 2xx without a `request_id`: their labels cannot be sent. */
  readonly withoutRequestId: number;
  /** Rows scored by each model version (`name/version`). */
  readonly models: Readonly<Record<string, number>>;
}

interface AnsweredRecord {
  request_id?: unknown;
  model?: { name?: unknown; version?: unknown };
}

/** Sends rows [0, rows) as batches of `record(i)`. */
export async function sendPredictions(options: {
  service: ServiceOptions;
  rows: number;
  record: (row: number) => Record<string, unknown>;
  batching: Batching;
}): Promise<PredictOutcome> {
  const { rows, batching } = options;
  const tally = new Tally();
  const requestIds = new Array<string | undefined>(rows).fill(undefined);
  const models: Record<string, number> = {};
  let withoutRequestId = 0;
  let done = 0;
  await forEachBounded(Math.ceil(rows / batching.batchSize), batching.concurrency, async (b) => {
    const from = b * batching.batchSize;
    const to = Math.min(from + batching.batchSize, rows);
    const body = Array.from({ length: to - from }, (_, k) => options.record(from + k));
    const answer = await call(options.service, { method: 'POST', path: '/predict', body });
    if (!answer.ok) tally.failed(to - from, answer);
    else if (!Array.isArray(answer.body) || answer.body.length !== to - from) {
      tally.failed(to - from, {
        status: answer.status,
        problem: `HTTP ${answer.status} without one prediction per record sent (${to - from})`,
      });
    } else {
      tally.succeeded(to - from);
      (answer.body as AnsweredRecord[]).forEach((record, k) => {
        const id = record.request_id;
        if (typeof id === 'string' && id !== '') requestIds[from + k] = id;
        else withoutRequestId++;
        const model = `${String(record.model?.name)}/${String(record.model?.version)}`;
        models[model] = (models[model] ?? 0) + 1;
      });
    }
    done += to - from;
    batching.onProgress?.(done);
  });
  return { counts: tally.counts(), requestIds, withoutRequestId, models };
}

export interface FeedbackOutcome {
  readonly counts: RequestCounts;
  /** Labels the service said it stored; null when no answer said. */
  readonly accepted: number | null;
  /** Labels it refused: unknown request ids, and labels that are not a class of the model. */
  readonly unknown: number;
  readonly invalid: number;
}

/** A count that may come as a number or as the list of what it counts. */
function countOf(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return Array.isArray(value) ? value.length : 0;
}

/** Sends the labels as /feedback batches. */
export async function sendFeedback(options: {
  service: ServiceOptions;
  labels: readonly LabelItem[];
  batching: Batching;
}): Promise<FeedbackOutcome> {
  const { labels, batching } = options;
  const tally = new Tally();
  let accepted: number | null = null;
  let unknown = 0;
  let invalid = 0;
  let done = 0;
  await forEachBounded(
    Math.ceil(labels.length / batching.batchSize),
    batching.concurrency,
    async (b) => {
      const body = labels.slice(b * batching.batchSize, (b + 1) * batching.batchSize);
      const answer = await call(options.service, { method: 'POST', path: '/feedback', body });
      if (!answer.ok) tally.failed(body.length, answer);
      else {
        tally.succeeded(body.length);
        const counts = (answer.body ?? {}) as Record<string, unknown>;
        if (typeof counts['accepted'] === 'number') accepted = (accepted ?? 0) + counts['accepted'];
        unknown += countOf(counts['unknown']);
        invalid += countOf(counts['invalid']);
      }
      done += body.length;
      batching.onProgress?.(done);
    },
  );
  return { counts: tally.counts(), accepted, unknown, invalid };
}
