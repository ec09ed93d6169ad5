/**
 * The figures of one monitoring run (the monitor's record in MLflow, named by the contract in
 * @champion/inference-store) as serving exports them. Pure: the run in, the figures out. What
 * MLflow sends is untrusted: only known metric keys are read (the fixed ones, and the drift of
 * the served model's own features), each value is checked (finite, in its range), and a value
 * that fails is left out and named in `problems` instead of being exported.
 */
import {
  MONITORING_METRICS,
  MONITORING_RUN_TAGS,
  PERFORMANCE_METRICS,
  columnMetricKey,
  type PerformanceMetricName,
} from '@champion/inference-store';
import type { Run } from 'mlflow-js-client';

export interface MonitoringFigures {
  readonly runId: string;
  /** When the run ended (Unix seconds); its start when MLflow gives no end time. */
  readonly endedAt: number | undefined;
  readonly driftShare: number | undefined;
  /** Drift score by feature name, for the served model's features only. */
  readonly featureDrift: ReadonlyMap<string, number>;
  readonly performance: ReadonlyMap<PerformanceMetricName, number>;
  readonly windowRows: number | undefined;
  readonly windowLabelled: number | undefined;
  readonly retrainFired: boolean | undefined;
  /** Values found but not exported, and why. */
  readonly problems: readonly string[];
}

type Check = (value: number) => boolean;
const unit: Check = (v) => v >= 0 && v <= 1;
const count: Check = (v) => Number.isSafeInteger(v) && v >= 0;
// A p-value (0–1) or a distance (≥ 0; a Wasserstein distance normed by the std may pass 1).
const score: Check = (v) => v >= 0;

/** Reads the metric values of `keys` only; the first value of a key wins. */
function metricValues(run: Run, keys: ReadonlySet<string>): Map<string, number> {
  const values = new Map<string, number>();
  for (const metric of run.data.metrics)
    if (keys.has(metric.key) && !values.has(metric.key)) values.set(metric.key, metric.value);
  return values;
}

/**
 * Feature → its drift metric key. Two features whose keys collide (names that differ only in
 * characters MLflow refuses) cannot be told apart, so neither is read.
 */
function featureKeys(features: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string[]>();
  for (const feature of new Set(features)) {
    const key = columnMetricKey(feature);
    byKey.set(key, [...(byKey.get(key) ?? []), feature]);
  }
  const keys = new Map<string, string>();
  for (const [key, names] of byKey) if (names.length === 1) keys.set(names[0] as string, key);
  return keys;
}

function endedAt(run: Run): number | undefined {
  const ms = run.info.end_time ?? run.info.start_time;
  return ms !== undefined && Number.isSafeInteger(ms) && ms > 0 ? ms / 1000 : undefined;
}

function fired(run: Run, problems: string[]): boolean | undefined {
  const value = run.data.tags.find((t) => t.key === MONITORING_RUN_TAGS.fired)?.value;
  if (value === undefined || value === 'true' || value === 'false')
    return value === undefined ? undefined : value === 'true';
  problems.push(`tag ${MONITORING_RUN_TAGS.fired}: not true or false`);
  return undefined;
}

/** The exported figures of `run`; `features` are the served model's feature names. */
export function monitoringFigures(run: Run, features: readonly string[]): MonitoringFigures {
  const problems: string[] = [];
  const byFeature = featureKeys(features);
  const fixed = [
    MONITORING_METRICS.driftShare,
    MONITORING_METRICS.windowRows,
    MONITORING_METRICS.windowLabelled,
  ];
  const values = metricValues(
    run,
    new Set([...fixed, ...PERFORMANCE_METRICS, ...byFeature.values()]),
  );
  const read = (key: string, ok: Check): number | undefined => {
    const value = values.get(key);
    if (value === undefined) return undefined;
    if (Number.isFinite(value) && ok(value)) return value;
    problems.push(`metric ${key}: ${value} is out of range`);
    return undefined;
  };
  const featureDrift = new Map<string, number>();
  for (const [feature, key] of byFeature) {
    const value = read(key, score);
    if (value !== undefined) featureDrift.set(feature, value);
  }
  const performance = new Map<PerformanceMetricName, number>();
  for (const name of PERFORMANCE_METRICS) {
    const value = read(name, unit);
    if (value !== undefined) performance.set(name, value);
  }
  const rows = read(MONITORING_METRICS.windowRows, count);
  let labelled = read(MONITORING_METRICS.windowLabelled, count);
  if (labelled !== undefined && rows !== undefined && labelled > rows) {
    problems.push(`metric ${MONITORING_METRICS.windowLabelled}: more than the window's rows`);
    labelled = undefined;
  }
  return {
    runId: run.info.run_id,
    endedAt: endedAt(run),
    driftShare: read(MONITORING_METRICS.driftShare, unit),
    featureDrift,
    performance,
    windowRows: rows,
    windowLabelled: labelled,
    retrainFired: fired(run, problems),
    problems,
  };
}
