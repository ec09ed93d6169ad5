/**
 * Validation and splitting of a log-batch of any size into requests within MLflow's limits
 * (1000 entities, 100 params, 100 tags, 1 MB body). Pure: the runs API sends what this plans.
 */
import { MlflowError } from '../errors.js';
import { validateIdentifier } from '../identifiers.js';
import type { KeyValue } from '../schema-util.js';
import { MLFLOW_LIMITS, validateKey, validateValueLength } from './validation.js';

/** One metric value to log. */
export interface MetricInput {
  key: string;
  value: number;
  /** @default 0 */
  step?: number;
  /** Milliseconds since the epoch. @default the time of the call */
  timestamp?: number;
  /**
   * The MLflow 3 logged model the value measures: the server also records it as a metric of that
   * model (what the UI's Models tab and the model page show).
   */
  modelId?: string;
  /**
   * The dataset the value was measured on, as logged to the run with `log-inputs` (its name and
   * digest); the UI lists it under the model's "Datasets used". Give both or neither.
   */
  dataset?: { name: string; digest: string };
}

/** One metric of a `runs/log-batch` request body. */
export interface MetricEntry {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  model_id?: string;
  dataset_name?: string;
  dataset_digest?: string;
}

/** Everything one `logBatch` call logs. Records or key/value lists are both accepted. */
export interface LogBatchInput {
  metrics?: readonly MetricInput[];
  params?: Readonly<Record<string, string>> | readonly KeyValue[];
  tags?: Readonly<Record<string, string>> | readonly KeyValue[];
}

/** One request body of `runs/log-batch`. */
export interface LogBatchRequest {
  run_id: string;
  metrics: MetricEntry[];
  params: KeyValue[];
  tags: KeyValue[];
}

/** Limits used for splitting; defaults are MLflow 3's. */
export interface BatchLimits {
  maxEntities: number;
  maxMetrics: number;
  maxParams: number;
  maxTags: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxEntities: MLFLOW_LIMITS.maxEntitiesPerBatch,
  maxMetrics: MLFLOW_LIMITS.maxMetricsPerBatch,
  maxParams: MLFLOW_LIMITS.maxParamsPerBatch,
  maxTags: MLFLOW_LIMITS.maxTagsPerBatch,
  maxBytes: MLFLOW_LIMITS.maxBatchBytes,
};

function invalid(message: string): MlflowError {
  return new MlflowError({ code: 'INVALID_PARAMETER_VALUE', message });
}

function asPairs(input: LogBatchInput['params']): readonly KeyValue[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input as readonly KeyValue[];
  return Object.entries(input as Record<string, string>).map(([key, value]) => ({ key, value }));
}

function checkParams(input: LogBatchInput['params']): KeyValue[] {
  const seen = new Map<string, string>();
  for (const { key, value } of asPairs(input)) {
    validateKey(key, `param '${key}'`);
    validateValueLength(value, MLFLOW_LIMITS.maxParamValueLength, `param '${key}'`);
    const previous = seen.get(key);
    if (previous !== undefined && previous !== value) {
      throw invalid(`param '${key}' is given twice with different values; params are immutable.`);
    }
    seen.set(key, value);
  }
  return [...seen].map(([key, value]) => ({ key, value }));
}

function checkTags(input: LogBatchInput['tags']): KeyValue[] {
  const byKey = new Map<string, string>();
  for (const { key, value } of asPairs(input)) {
    validateKey(key, `tag '${key}'`);
    validateValueLength(value, MLFLOW_LIMITS.maxTagValueLength, `tag '${key}'`);
    byKey.set(key, value);
  }
  return [...byKey].map(([key, value]) => ({ key, value }));
}

function checkMetrics(metrics: readonly MetricInput[], now: number): LogBatchRequest['metrics'] {
  return metrics.map((metric, index) => {
    const what = `metric '${metric.key}' (index ${index})`;
    validateKey(metric.key, what);
    if (typeof metric.value !== 'number' || !Number.isFinite(metric.value)) {
      throw invalid(
        `${what} has value ${String(metric.value)}; MLflow's JSON API carries only finite ` +
          'numbers. Skip it or log a finite sentinel.',
      );
    }
    const step = metric.step ?? 0;
    const timestamp = metric.timestamp ?? now;
    if (!Number.isSafeInteger(step)) throw invalid(`${what} has step ${step}; use an integer.`);
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw invalid(`${what} has timestamp ${timestamp}; use non-negative integer milliseconds.`);
    }
    return { key: metric.key, value: metric.value, timestamp, step, ...links(metric, what) };
  });
}

/** The model and dataset a metric is linked to, as MLflow 3's Metric message names them. */
function links(metric: MetricInput, what: string): Partial<MetricEntry> {
  const out: Partial<MetricEntry> = {};
  if (metric.modelId !== undefined)
    out.model_id = validateIdentifier('logged model id', metric.modelId);
  if (metric.dataset !== undefined) {
    const { name, digest } = metric.dataset;
    if (name === '' || digest === '') {
      throw invalid(`${what} names a dataset without a name or digest; give both.`);
    }
    out.dataset_name = name;
    out.dataset_digest = digest;
  }
  return out;
}

type Item =
  | { kind: 'params'; value: KeyValue }
  | { kind: 'tags'; value: KeyValue }
  | { kind: 'metrics'; value: LogBatchRequest['metrics'][number] };

/** Options of {@link planLogBatch}. */
export interface PlanOptions {
  limits?: BatchLimits;
  /** Timestamp for metrics given without one. @default Date.now() */
  now?: number;
}

/**
 * Validates everything first (so nothing is sent when any item is bad), then packs params, tags
 * and metrics greedily into as few requests as the limits allow, in the order given.
 */
export function planLogBatch(
  runId: string,
  input: LogBatchInput,
  options: PlanOptions = {},
): LogBatchRequest[] {
  const limits = options.limits ?? DEFAULT_BATCH_LIMITS;
  const items: Item[] = [
    ...checkParams(input.params).map((value) => ({ kind: 'params' as const, value })),
    ...checkTags(input.tags).map((value) => ({ kind: 'tags' as const, value })),
    ...checkMetrics(input.metrics ?? [], options.now ?? Date.now()).map((value) => ({
      kind: 'metrics' as const,
      value,
    })),
  ];
  const fresh = (): LogBatchRequest => ({ run_id: runId, metrics: [], params: [], tags: [] });
  const envelopeBytes = Buffer.byteLength(JSON.stringify(fresh()));
  const requests: LogBatchRequest[] = [];
  let current = fresh();
  let bytes = envelopeBytes;
  let count = 0;
  const cap = { params: limits.maxParams, tags: limits.maxTags, metrics: limits.maxMetrics };
  for (const item of items) {
    const itemBytes = Buffer.byteLength(JSON.stringify(item.value)) + 1;
    const full =
      count + 1 > limits.maxEntities ||
      current[item.kind].length + 1 > cap[item.kind] ||
      bytes + itemBytes > limits.maxBytes;
    if (full && count > 0) {
      requests.push(current);
      current = fresh();
      bytes = envelopeBytes;
      count = 0;
    }
    if (envelopeBytes + itemBytes > limits.maxBytes) {
      throw invalid(
        `${item.kind} '${item.value.key}' alone exceeds the ${limits.maxBytes}-byte limit.`,
      );
    }
    (current[item.kind] as unknown[]).push(item.value);
    bytes += itemBytes;
    count++;
  }
  if (count > 0) requests.push(current);
  return requests;
}
