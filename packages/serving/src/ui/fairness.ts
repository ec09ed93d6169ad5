/**
 * The model card's fairness section: `champion/fairness.json` (written by `champion train
 * --sensitive COL`), parsed defensively (it comes from MLflow) and rendered as one table per
 * sensitive column. Absent: the card says how to get one.
 */
import { z } from 'zod';
import { figure, percent } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Read } from './model-files.js';

const num = z.number().nullable().optional();
const interval = z.tuple([z.number().nullable(), z.number().nullable()]).optional().nullable();

const groupSchema = z
  .object({
    count: num,
    positive_rate: num,
    selection_rate: num,
    tpr: num,
    fpr: num,
    roc_auc: num,
    calibration: num,
    ci: z
      .object({ selection_rate: interval, tpr: interval, fpr: interval })
      .partial()
      .loose()
      .optional()
      .nullable(),
  })
  .loose();

const columnSchema = z
  .object({
    is_model_input: z.boolean().optional(),
    groups: z.record(z.string(), groupSchema),
    demographic_parity_difference: num,
    demographic_parity_ratio: num,
    demographic_parity_flag: z.boolean().nullable().optional(),
    equalized_odds_difference: num,
    flip: z.object({ max_abs_delta: num, mean_abs_delta: num }).loose().nullable().optional(),
  })
  .loose();

export const fairnessSchema = z
  .object({
    version: z.literal(1),
    rows: num,
    threshold: num,
    positive_label: z.union([z.string(), z.number()]).optional(),
    sensitive: z.record(z.string(), columnSchema),
  })
  .loose();

export type FairnessReport = z.infer<typeof fairnessSchema>;
type Group = z.infer<typeof groupSchema>;
type Column = z.infer<typeof columnSchema>;

/** Where the report lives in the model folder. */
export const FAIRNESS_FILE = 'champion/fairness.json';

function withInterval(
  value: number | null | undefined,
  ci: readonly [number | null, number | null] | null | undefined,
): SafeHtml {
  if (ci === undefined || ci === null) return html`${percent(value)}`;
  return html`${percent(value)} <small>(${percent(ci[0])}–${percent(ci[1])})</small>`;
}

function groupRow(value: string, g: Group): SafeHtml {
  return html`<tr>
    <th scope="row">${value}</th>
    <td>${figure(g.count)}</td>
    <td>${percent(g.positive_rate)}</td>
    <td>${withInterval(g.selection_rate, g.ci?.selection_rate)}</td>
    <td>${withInterval(g.tpr, g.ci?.tpr)}</td>
    <td>${withInterval(g.fpr, g.ci?.fpr)}</td>
    <td>${figure(g.roc_auc)}</td>
    <td>${figure(g.calibration)}</td>
  </tr>`;
}

function columnSection(name: string, c: Column): SafeHtml {
  const rows = Object.entries(c.groups).map(([value, g]) => groupRow(value, g));
  const flag = c.demographic_parity_flag === true ? html` <mark>below 0.8</mark>` : '';
  return html`<h4>${name}${c.is_model_input === false ? ' (not a model input)' : ''}</h4>
    <div class="scroll">
      <table>
        <caption>
          Per group on the test split (95% bootstrap intervals in brackets)
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Rows</th>
            <th scope="col">Observed positive rate</th>
            <th scope="col">Selection rate</th>
            <th scope="col">TPR</th>
            <th scope="col">FPR</th>
            <th scope="col">ROC AUC</th>
            <th scope="col">Calibration</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    <ul>
      <li>
        Demographic parity difference: ${figure(c.demographic_parity_difference)}; ratio:
        ${figure(c.demographic_parity_ratio)}${flag}
      </li>
      <li>Equalized odds difference: ${figure(c.equalized_odds_difference)}</li>
      ${c.flip === undefined || c.flip === null ? '' : html`<li>Flip test (${name} swapped on every test row): max |Δ probability| ${figure(c.flip.max_abs_delta)}, mean ${figure(c.flip.mean_abs_delta)}</li>`}
    </ul>`;
}

/** The fairness section of the model card. */
export function fairnessSection(report: Read<FairnessReport>): SafeHtml {
  if (!report.ok) {
    return html`<p>
      No fairness report (${report.why}): train with <code>--sensitive COL</code> (e.g.
      <code>champion train ... --sensitive SEX,EDUCATION</code>) to measure the model per group.
    </p>`;
  }
  const r = report.value;
  const columns = Object.entries(r.sensitive).map(([name, c]) => columnSection(name, c));
  return html`<p>
      ${figure(r.rows)} test rows, threshold ${figure(r.threshold)}, positive label
      ${r.positive_label === undefined ? '—' : String(r.positive_label)}.
    </p>
    ${columns}`;
}
