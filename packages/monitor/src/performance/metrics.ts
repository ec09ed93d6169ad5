/** Figures as flat MLflow metric names (snake_case); figures without a number are left out. */
import type { Figure } from './figures.js';
import type { WindowPerformance } from './report.js';

const FIGURES = [
  ['roc_auc', 'rocAuc'],
  ['pr_auc', 'prAuc'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'f1'],
  ['brier', 'brier'],
  ['ece', 'ece'],
  ['observed_positive_rate', 'observedPositiveRate'],
] as const satisfies readonly (readonly [string, keyof WindowPerformance])[];

/** `served`, `labelled`, `label_coverage`, `predicted_positive_rate` and every measured figure. */
export function performanceMetrics(window: WindowPerformance): Record<string, number> {
  const metrics: Record<string, number> = { served: window.served, labelled: window.labelled };
  if (window.labelCoverage !== null) metrics.label_coverage = window.labelCoverage;
  if (window.predictedPositiveRate !== null)
    metrics.predicted_positive_rate = window.predictedPositiveRate;
  for (const [name, key] of FIGURES) {
    const figure: Figure = window[key];
    if (figure.status === 'ok') metrics[name] = figure.value;
  }
  return metrics;
}
