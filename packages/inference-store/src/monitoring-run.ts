/**
 * The monitoring run's names, in one place: the contract between the monitor, which logs a
 * monitoring run to MLflow for each window (`champion monitor run`), and serving, which reads the
 * latest FINISHED one back and exports its figures as Prometheus gauges. Neither package imports
 * the other; both take the experiment name, the metric keys and the tags they share from here.
 * Names only: no MLflow calls, no figures.
 */

/** The monitoring experiment of a registered model: every monitoring run of `name` is there. */
export function monitoringExperiment(name: string): string {
  return `${name}-monitoring`;
}

/** What every column's drift score metric key starts with. */
export const COLUMN_DRIFT_PREFIX = 'drift.';

/**
 * The metric key of a column's drift score (the test's p-value or distance, as the drift report
 * gives it). Characters MLflow refuses in a key become `_`, and a leading dot too.
 */
export function columnMetricKey(column: string): string {
  const safe = column.replace(/[^\p{L}\p{N}_\-. ]/gu, '_').replace(/^\.+/, '_');
  return `${COLUMN_DRIFT_PREFIX}${safe}`;
}

/** The window's and the drift's metric keys of a monitoring run. */
export const MONITORING_METRICS = {
  /** Served records in the window. */
  windowRows: 'window_rows',
  /** Of them, those with a label. */
  windowLabelled: 'window_labelled',
  /** Share of drifted columns, 0–1. */
  driftShare: 'drift_share',
  driftColumnsDrifted: 'drift_columns_drifted',
  /** The importance-weighted share, when the policy asks for it. */
  driftShareWeighted: 'drift_share_weighted',
} as const;

/**
 * The performance metrics a monitoring run may log (named as the trainer names its test metrics),
 * each a figure in [0, 1]; one is absent when the window had too few labels to measure it.
 */
export const PERFORMANCE_METRICS = [
  'roc_auc',
  'pr_auc',
  'f1',
  'precision',
  'recall',
  'brier',
  'ece',
  'observed_positive_rate',
  'predicted_positive_rate',
  'label_coverage',
] as const;

export type PerformanceMetricName = (typeof PERFORMANCE_METRICS)[number];

/** The tags of a monitoring run that readers outside the monitor use (the monitor has more). */
export const MONITORING_RUN_TAGS = {
  /** The `@champion` version the window was measured against. */
  modelVersion: 'champion.monitor.model_version',
  /** `true` when the policy fired on this window, else `false`. */
  fired: 'champion.monitor.fired',
  /** What the loop did: none, cooldown, retrained-promoted, retrained-kept, awaiting-approval. */
  action: 'champion.monitor.action',
  /** Why the policy fired or held back, one reason a line. */
  reasons: 'champion.monitor.reasons',
} as const;

/** The JSON report of a monitoring run (drift, performance, decision, histograms), as an artifact. */
export const MONITORING_REPORT_ARTIFACT = 'monitoring/report.json';
