/** The fairness report as terminal tables (`champion fairness`, `champion train --sensitive`). */
import type { FairnessReport } from '@champion/trainer';
import { formatTable } from './table.js';

function num(x: number | null | undefined, digits = 4): string {
  return x === null || x === undefined ? '–' : x.toFixed(digits);
}

function withInterval(x: number | null, interval: readonly [number, number] | null): string {
  return interval === null ? num(x) : `${num(x)} [${num(interval[0], 3)}, ${num(interval[1], 3)}]`;
}

/** One line per sensitive column: the differences between its groups and the flip test. */
export function fairnessSummaryTable(report: FairnessReport): string {
  const rows = Object.entries(report.sensitive).map(([column, s]) => [
    column,
    String(Object.keys(s.groups).length),
    num(s.demographic_parity_difference),
    `${num(s.demographic_parity_ratio)}${s.demographic_parity_flag ? ' (< 0.8)' : ''}`,
    num(s.equalized_odds_difference),
    s.flip === null ? '–' : `${num(s.flip.max_abs_delta)} / ${num(s.flip.mean_abs_delta)}`,
  ]);
  return formatTable(
    ['column', 'groups', 'dp diff', 'dp ratio', 'eq odds diff', 'flip max / mean |Δp|'],
    rows,
  );
}

/** One line per group of every sensitive column, with the bootstrap intervals. */
export function fairnessGroupsTable(report: FairnessReport): string {
  const rows = Object.entries(report.sensitive).flatMap(([column, s]) =>
    Object.entries(s.groups).map(([group, g]) => [
      column,
      group,
      String(g.count),
      num(g.positive_rate),
      withInterval(g.selection_rate, g.ci.selection_rate),
      withInterval(g.tpr, g.ci.tpr),
      withInterval(g.fpr, g.ci.fpr),
      num(g.roc_auc),
      num(g.calibration.mean_predicted),
    ]),
  );
  return formatTable(
    ['column', 'group', 'rows', 'positive', 'selection', 'tpr', 'fpr', 'roc_auc', 'mean p'],
    rows,
  );
}

export function fairnessText(report: FairnessReport): string {
  const level = Math.round(report.bootstrap.level * 100);
  return [
    `${report.rows} rows, threshold ${report.threshold}, positive label '${report.positive_label}'; [${level}% bootstrap intervals, ${report.bootstrap.resamples} resamples]`,
    '',
    fairnessGroupsTable(report),
    '',
    fairnessSummaryTable(report),
  ].join('\n');
}
