/** What `champion train` prints: the readable summary and the `--json` result. */
import type { TrainSummary } from '@champion/trainer';
import { formatTable } from './table.js';
import { fairnessSummaryTable } from './fairness-text.js';

export function summaryText(s: TrainSummary, uri: string): string {
  const rows = s.candidates.map((c) => [
    c.learner,
    String(c.index + 1),
    `${c.meanAuc.toFixed(4)} ± ${c.stdAuc.toFixed(4)}`,
    `${c.seconds.toFixed(1)}s`,
    JSON.stringify(c.params),
  ]);
  const models = s.models.map((m) => [
    m.learner === s.winner.learner ? `${m.learner} (winner)` : m.learner,
    (m.evaluated.metrics['roc_auc'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['pr_auc'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['log_loss'] ?? Number.NaN).toFixed(4),
    (m.evaluated.metrics['f1'] ?? Number.NaN).toFixed(4),
    m.evaluated.threshold.threshold.toFixed(4),
    m.evaluated.parity.maxAbsDiff.toExponential(1),
  ]);
  const lines = [
    `rows: ${s.rows.train} train, ${s.rows.validation} validation, ${s.rows.test} test${s.rows.setAside ? `, ${s.rows.setAside} set aside` : ''}; ${s.features} features`,
    '',
    'candidates (cross-validated ROC AUC on the training split):',
    formatTable(['learner', '#', 'cv roc_auc', 'time', 'params'], rows),
    '',
    'best of each learner on the held-out test split, scored by its ONNX export:',
    formatTable(['model', 'roc_auc', 'pr_auc', 'log_loss', 'f1', 'threshold', 'parity'], models),
    '',
  ];
  if (s.schemaChange.changes.length > 0) {
    lines.push(
      `schema changed from ${s.schemaChange.comparedWith ?? 'the registered model'} (--allow-schema-change):`,
      ...s.schemaChange.changes.map((c) => `  ${c}`),
      '',
    );
  }
  const fairness = s.winner.fairness;
  if (fairness !== undefined) {
    lines.push(
      `fairness of the winner on the test split (champion/fairness.json):`,
      fairnessSummaryTable(fairness),
      '',
    );
  }
  if (s.unchanged !== undefined) {
    lines.push(
      `unchanged: the winner is identical to @champion v${s.unchanged} (same model digest); no new version registered`,
    );
  }
  if (s.version !== undefined && s.decision) {
    lines.push(
      `registered version ${s.version} (@challenger); gate: ${s.decision.promote ? `PROMOTED to @champion` : `${s.decision.tag}, @champion unchanged`}`,
      ...s.decision.reasons.map((r) => `  ${r}`),
    );
  }
  lines.push(
    `MLflow run: ${uri.replace(/\/+$/, '')}/#/experiments/${s.experimentId}/runs/${s.runId}`,
  );
  return lines.join('\n');
}

/** The `--json` result line of a finished training. */
export function trainedData(s: TrainSummary, uri: string): Record<string, unknown> {
  return {
    event: 'trained',
    experimentId: s.experimentId,
    runId: s.runId,
    winner: s.winner.learner,
    modelId: s.winner.modelId,
    version: s.version ?? null,
    promoted: s.decision?.promote ?? false,
    decision: s.decision?.tag ?? (s.unchanged === undefined ? null : 'unchanged'),
    unchanged: s.unchanged ?? null,
    replaced: s.decision?.replaced ?? null,
    repaired: s.repaired,
    schemaChanges: s.schemaChange.changes,
    reasons: s.decision?.reasons ?? [],
    testMetrics: s.winner.evaluated.metrics,
    threshold: s.winner.evaluated.threshold.threshold,
    fairness: s.winner.fairness ?? null,
    candidates: s.candidates.map((c) => ({
      learner: c.learner,
      params: c.params,
      cvRocAucMean: c.meanAuc,
      cvRocAucStd: c.stdAuc,
      seconds: c.seconds,
    })),
    rows: s.rows,
    seconds: s.seconds,
    trackingUri: uri,
  };
}
