/**
 * Scores a validated batch through the ModelHost and records it: prediction metrics now, the
 * inference log entries just after the response is sent (building one feature object per row
 * is the costliest part of logging and the client need not wait for it).
 */
import type { BatchScores, ExplainedScores, ModelHost, ServedModel } from '@champion/runtime';
import { ServingHttpError } from './errors.js';
import type { InferenceRecord } from '@champion/inference-store';
import type { InferenceSink } from './inference-sink.js';
import type { PendingAppends } from './pending-appends.js';
import { labelText } from './labels.js';
import type { Logger } from './logger.js';
import type { ServingMetrics } from './metrics.js';
import type { RecordId } from './records/builder.js';
import type { CompiledFeatures, FeatureCompiler } from './records/feature-compiler.js';
import type { ParsedBatch } from './records/parsed.js';
import type { RecordRequestIds } from './record-request-ids.js';

/** A scoring route's answer: the JSON body, the rows it scored, what to do once it is sent. */
export interface ScoringAnswer {
  readonly body: unknown;
  readonly rows: number;
  /** Appends the inference log entries; call once the response is on its way. */
  readonly afterResponse: () => void;
}

/** Which API scored a batch (a metrics label). */
export type Endpoint = 'predict' | 'predict_batch' | 'invocations' | 'v2';

export interface ScoringDeps {
  readonly host: ModelHost;
  readonly compiler: FeatureCompiler;
  readonly sink: InferenceSink;
  /** Appends announced before the response, awaited by /feedback (pending-appends.ts). */
  readonly pending: PendingAppends;
  readonly metrics: ServingMetrics;
  readonly logger: Logger;
}

/** The model serving now, compiled for validation; 503 before the first model is ready. */
export function currentFeatures(deps: Pick<ScoringDeps, 'host' | 'compiler'>): CompiledFeatures {
  const model = deps.host.current();
  if (model === undefined) {
    throw new ServingHttpError({
      code: 'MODEL_NOT_READY',
      message: 'No model is loaded yet; retry shortly (GET /readyz says when the server is ready).',
    });
  }
  return deps.compiler.get(model);
}

/** A swap between validation and scoring is harmless unless the inputs changed. */
export function assertSameInputs(
  deps: Pick<ScoringDeps, 'compiler'>,
  scored: { parsed: ParsedBatch; model: ServedModel },
): void {
  const { parsed, model } = scored;
  if (
    model !== parsed.compiled.model &&
    deps.compiler.get(model).signature !== parsed.compiled.signature
  ) {
    throw new ServingHttpError({
      code: 'MODEL_NOT_READY',
      message:
        'The model changed to one with different features while this request was validated; send it again.',
    });
  }
}

/** Unseen categories by row: the value as sent, by feature index. */
function unseenByRow(parsed: ParsedBatch): Map<number, Map<number, string>> {
  const byRow = new Map<number, Map<number, string>>();
  for (const u of parsed.unseen) {
    const row = byRow.get(u.row) ?? new Map<number, string>();
    row.set(u.feature, u.value);
    byRow.set(u.row, row);
  }
  return byRow;
}

function toRecords(options: {
  parsed: ParsedBatch;
  scores: BatchScores;
  ids: RecordRequestIds;
}): InferenceRecord[] {
  const { parsed, scores, ids } = options;
  const { names } = parsed.compiled;
  const columns = parsed.batch.columns;
  const time = new Date();
  const { name, version } = scores.model;
  const classes = [scores.model.target.negative, scores.model.target.positive] as const;
  const unseen = unseenByRow(parsed);
  const records = new Array<InferenceRecord>(parsed.batch.rows);
  for (let row = 0; row < parsed.batch.rows; row++) {
    const rowUnseen = unseen.get(row);
    const features: Record<string, number | string | null> = {};
    for (let f = 0; f < names.length; f++) {
      const value = parsed.sent[f]?.[row] ?? columns[f]?.[row];
      features[names[f] as string] =
        typeof value === 'number'
          ? Number.isNaN(value)
            ? null
            : value
          : value === '' || value === undefined
            ? null
            : value;
    }
    // As received: an unseen category is stored as sent, and flagged (the model saw missing).
    for (const [f, value] of rowUnseen ?? []) features[names[f] as string] = value;
    const recordId: RecordId | undefined = parsed.ids?.[row];
    records[row] = {
      time,
      requestId: ids.of(row),
      ...(recordId === undefined ? {} : { recordId }),
      model: name,
      version,
      features,
      ...(rowUnseen === undefined
        ? {}
        : { unseen: [...rowUnseen.keys()].map((f) => names[f] as string) }),
      probability: scores.probability[row] ?? NaN,
      // The class label text, as in the training data the monitor compares against.
      label: labelText(scores.model, scores.label[row] ?? 0n),
      classes,
    };
  }
  return records;
}

/**
 * Scores `parsed` and counts the predictions; `afterResponse()` appends the log entries and must
 * be called once the response is on its way.
 */
export async function scoreParsed(
  deps: ScoringDeps,
  request: {
    parsed: ParsedBatch;
    ids: RecordRequestIds;
    endpoint: Endpoint;
    /** Explain the batch too (host.explain: same version, outside the micro-batcher). */
    explain?: boolean;
  },
): Promise<{ scores: BatchScores | ExplainedScores; afterResponse: () => void }> {
  const { parsed, endpoint } = request;
  const scores = request.explain
    ? await deps.host.explain(parsed.batch)
    : await deps.host.score(parsed.batch);
  assertSameInputs(deps, { parsed, model: scores.model });
  let positives = 0;
  for (let i = 0; i < scores.label.length; i++) if (scores.label[i] === 1n) positives++;
  const { predictions } = deps.metrics;
  if (positives > 0) predictions.inc({ label: scores.model.target.positive, endpoint }, positives);
  if (positives < parsed.batch.rows)
    predictions.inc(
      { label: scores.model.target.negative, endpoint },
      parsed.batch.rows - positives,
    );
  deps.metrics.batchRows.observe({ endpoint }, parsed.batch.rows);
  countUnseen(deps.metrics, parsed);
  // Announced now, before the caller answers: /feedback waits for it (pending-appends.ts).
  const appended = deps.pending.begin();
  const afterResponse = (): void => {
    setImmediate(() => {
      try {
        const done = deps.sink.append(toRecords({ parsed, scores, ids: request.ids }));
        if (done instanceof Promise)
          done.catch((err: unknown) => logSinkError(deps.logger, err)).finally(appended);
        else appended();
      } catch (err) {
        appended();
        logSinkError(deps.logger, err);
      }
    });
  };
  return { scores, afterResponse };
}

/** Counts unseen categories by feature name (names from the schema: bounded cardinality). */
function countUnseen(metrics: ServingMetrics, parsed: ParsedBatch): void {
  if (parsed.unseen.length === 0) return;
  const byFeature = new Map<number, number>();
  for (const u of parsed.unseen) byFeature.set(u.feature, (byFeature.get(u.feature) ?? 0) + 1);
  for (const [feature, count] of byFeature) {
    const name = parsed.compiled.names[feature];
    if (name !== undefined) metrics.unseenCategories.inc({ feature: name }, count);
  }
}

function logSinkError(logger: Logger, err: unknown): void {
  logger.error('inference log append failed', {
    error: err instanceof Error ? err.message : String(err),
  });
}
