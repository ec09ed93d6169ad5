/** Figures as flat MLflow metric names (snake_case); figures without a number are left out. */
import type { EstimatedPerformance } from './estimated.js';
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

const ESTIMATED = (e: EstimatedPerformance): Record<string, Figure> => ({
  roc_auc: e.rocAuc,
  pr_auc: e.prAuc,
  precision: e.precision,
  recall: e.recall,
  f1: e.f1,
});

/**
 * `served`, `labelled`, `label_coverage`, `predicted_positive_rate`, every measured figure, and
 * the CBPE estimates prefixed `estimated_` when the report has them.
 */
export function performanceMetrics(window: WindowPerformance): Record<string, number> {
  const metrics: Record<string, number> = { served: window.served, labelled: window.labelled };
  if (window.labelCoverage !== null) metrics.label_coverage = window.labelCoverage;
  if (window.predictedPositiveRate !== null)
    metrics.predicted_positive_rate = window.predictedPositiveRate;
  for (const [name, key] of FIGURES) {
    const figure: Figure = window[key];
    if (figure.status === 'ok') metrics[name] = figure.value;
  }
  const estimated = window.estimated;
  if (estimated !== undefined) {
    for (const [name, figure] of Object.entries(ESTIMATED(estimated)))
      if (figure.status === 'ok') metrics[`estimated_${name}`] = figure.value;
  }
  return metrics;
}
