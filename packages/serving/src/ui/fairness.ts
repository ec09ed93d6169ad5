/**
 * The model card's fairness section: `champion/fairness.json` (written by `champion train
 * --sensitive COL`), parsed defensively (it comes from MLflow) and rendered as one table per
 * sensitive column. Absent: the card says how to get one.
 */
import {
  fairnessReportSchema,
  type FairnessReport,
  type GroupFairness,
  type SensitiveFairness,
} from '@champion/tabular';
import { figure, percent } from './format.js';
import { html, type HtmlValue, type SafeHtml } from './html.js';
import type { Read } from './model-files.js';
import { dataTable } from './table.js';

/** The trainer's own contract for the file (@champion/tabular), not a copy of it. */
export const fairnessSchema = fairnessReportSchema;
export type { FairnessReport };

/** Where the report lives in the model folder. */
export const FAIRNESS_FILE = 'champion/fairness.json';

function withInterval(
  value: number | null | undefined,
  ci: readonly [number | null, number | null] | null | undefined,
): SafeHtml {
  if (ci === undefined || ci === null) return html`${percent(value)}`;
  return html`${percent(value)} <small>(${percent(ci[0])}–${percent(ci[1])})</small>`;
}

function groupRow(value: string, g: GroupFairness): HtmlValue[] {
  return [
    value,
    figure(g.count),
    percent(g.positive_rate),
    withInterval(g.selection_rate, g.ci?.selection_rate),
    withInterval(g.tpr, g.ci?.tpr),
    withInterval(g.fpr, g.ci?.fpr),
    figure(g.roc_auc),
    html`${percent(g.calibration.mean_predicted)} / ${percent(g.calibration.observed_rate)}`,
  ];
}

const GROUP_HEADERS = [
  'Group',
  'Rows',
  'Observed positive rate',
  'Selection rate',
  'TPR',
  'FPR',
  'ROC AUC',
  'Calibration',
];

function columnSection(name: string, c: SensitiveFairness, level: number): SafeHtml {
  const rows = Object.entries(c.groups).map(([value, g]) => groupRow(value, g));
  const flag = c.demographic_parity_flag ? html` <mark>below 0.8</mark>` : '';
  return html`<h3>${name}${c.is_model_input ? '' : ' (not a model input)'}</h3>
    ${dataTable({
      caption: `Per group on the test split (${figure(level * 100)}% bootstrap intervals in brackets; calibration: mean predicted probability / observed positive rate)`,
      headers: GROUP_HEADERS,
      rows,
    })}
    <ul>
      <li>
        Demographic parity difference: ${figure(c.demographic_parity_difference)}; ratio:
        ${figure(c.demographic_parity_ratio)}${flag}
      </li>
      <li>Equalized odds difference: ${figure(c.equalized_odds_difference)}</li>
      ${c.flip === null ? '' : html`<li>Flip test (${name} ${c.flip.values[0]} ↔ ${c.flip.values[1]} swapped on ${figure(c.flip.rows)} test rows): max |Δ probability| ${figure(c.flip.max_abs_delta)}, mean ${figure(c.flip.mean_abs_delta)}</li>`}
    </ul>`;
}

/** The fairness section of the model card. */
export function fairnessSection(report: Read<FairnessReport>): SafeHtml {
  if (!report.ok && !report.absent)
    return html`<p role="alert">The model's fairness report is unusable (${report.why}).</p>`;
  if (!report.ok) {
    return html`<p>
      No fairness report (${report.why}): train with <code>--sensitive COL</code> (e.g.
      <code>champion train ... --sensitive SEX,EDUCATION</code>) to measure the model per group.
    </p>`;
  }
  const r = report.value;
  const level = r.bootstrap.level;
  const columns = Object.entries(r.sensitive).map(([name, c]) => columnSection(name, c, level));
  return html`<p>
      ${figure(r.rows)} test rows, threshold ${figure(r.threshold)}, positive label
      ${r.positive_label}.
    </p>
    ${columns}`;
}
