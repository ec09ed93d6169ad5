/**
 * The performance module's figures of a window (monitor/performance) as the loop's
 * PerformanceResult: measured figures become metrics named as the trainer names them (`roc_auc`,
 * `pr_auc`, `f1`..., what policy floors and the gate use); too few labels becomes `insufficient`
 * with the module's own message, so the policy does not judge a guess.
 */
import type { PerformanceMetricName } from '@champion/inference-store';
import type { WindowPerformance } from '../performance/index.js';
import type { PerformanceResult } from './ports.js';

// Names from the contract's list (@champion/inference-store), which serving reads back.
const NAMES = {
  rocAuc: 'roc_auc',
  prAuc: 'pr_auc',
  precision: 'precision',
  recall: 'recall',
  f1: 'f1',
  brier: 'brier',
  ece: 'ece',
  observedPositiveRate: 'observed_positive_rate',
} as const satisfies Partial<Record<keyof WindowPerformance, PerformanceMetricName>>;

const PREDICTED_POSITIVE_RATE: PerformanceMetricName = 'predicted_positive_rate';
const LABEL_COVERAGE: PerformanceMetricName = 'label_coverage';

export function performanceResult(window: WindowPerformance): PerformanceResult {
  const metrics: Record<string, number> = {};
  for (const [key, name] of Object.entries(NAMES)) {
    const figure = window[key as keyof typeof NAMES];
    if (figure.status === 'ok') metrics[name] = figure.value;
  }
  if (window.predictedPositiveRate !== null)
    metrics[PREDICTED_POSITIVE_RATE] = window.predictedPositiveRate;
  if (window.labelCoverage !== null) metrics[LABEL_COVERAGE] = window.labelCoverage;
  return {
    labelled: window.labelled,
    metrics,
    ...(window.rocAuc.status === 'insufficient' ? { insufficient: window.rocAuc.message } : {}),
  };
}
