/**
 * /ui/monitoring: the served model's monitoring runs over time (drift share and per-column drift,
 * performance on labelled rows with label coverage, the policy's decisions), and from the newest
 * run's report the reference vs current histograms of the most drifted columns and of the
 * scores. Before the first run, an empty state that says how to start one.
 */
import {
  COLUMN_DRIFT_PREFIX,
  columnMetricKey,
  MONITORING_METRICS as M,
  PERFORMANCE_METRICS,
} from '@champion/inference-store';
import { figure, percent, when } from './format.js';
import { html, type SafeHtml } from './html.js';
import {
  MAX_MONITORING_RUNS,
  type MonitoringPoint,
  type MonitoringReport,
  type MonitoringView,
  type ReportHistogram,
} from './monitoring-data.js';
import { groupedBarChart, lineChart } from './svg.js';
import { dataTable } from './table.js';

/** Columns whose drift is charted over time, and whose histograms are shown. */
export const TOP_DRIFTED = 5;
/** Dataset drift when the drifted share reaches this (Evidently's default, the monitor's too). */
const DATASET_DRIFT_SHARE = 0.5;

function emptyState(modelName: string, reason: string): SafeHtml {
  return html`<section>
    <h2>No monitoring run yet</h2>
    <p>
      There is nothing to show for ${modelName} (${reason}). Every prediction this server answers is
      stored; a monitoring run compares a window of them with the training data and records the
      result in MLflow.
    </p>
    <p>Start one (once, or every 15 minutes):</p>
    <pre><code>pnpm champion monitor run --name ${modelName}
pnpm champion monitor run --name ${modelName} --every 15m</code></pre>
    <p>
      Send true labels with <code>POST /feedback</code> (or <code>champion monitor labels</code>) to
      see performance too.
    </p>
  </section>`;
}

function labels(points: readonly MonitoringPoint[]): string[] {
  return points.map((p) => when(p.startedAt).slice(0, 16));
}

function series(points: readonly MonitoringPoint[], key: string): number[] {
  return points.map((p) => p.metrics.get(key) ?? NaN);
}

/** The columns with the highest latest drift scores, as the report or the metrics name them. */
function topColumns(
  points: readonly MonitoringPoint[],
  report: MonitoringReport | undefined,
): string[] {
  const columns = report?.drift?.columns;
  if (columns !== undefined && columns.length > 0) {
    // A drifted column first, then by how far it is past its threshold.
    const byDrift = [...columns].sort(
      (a, b) =>
        Number(b.drifted) - Number(a.drifted) || b.score / b.threshold - a.score / a.threshold,
    );
    return byDrift.slice(0, TOP_DRIFTED).map((c) => c.name);
  }
  const latest = points.at(-1)?.metrics ?? new Map<string, number>();
  return [...latest]
    .filter(([k]) => k.startsWith(COLUMN_DRIFT_PREFIX))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_DRIFTED)
    .map(([k]) => k.slice(COLUMN_DRIFT_PREFIX.length));
}

function driftSection(
  points: readonly MonitoringPoint[],
  report: MonitoringReport | undefined,
): SafeHtml {
  const x = labels(points);
  const top = topColumns(points, report);
  const columnsTable = (report?.drift?.columns ?? []).map((c) => [
    c.name,
    c.method,
    figure(c.score),
    figure(c.threshold),
    c.drifted ? 'drifted' : 'no',
  ]);
  return html`<section>
    <h2>Drift</h2>
    ${lineChart({ title: 'Share of drifted columns per monitoring run', xLabels: x, series: [{ name: 'drift share', values: series(points, M.driftShare) }], yMax: 1, rule: { value: DATASET_DRIFT_SHARE, label: 'dataset drift' } })}
    ${top.length === 0 ? '' : lineChart({ title: `Drift score of the ${top.length} most drifted columns per run`, xLabels: x, series: top.map((c) => ({ name: c, values: series(points, columnMetricKey(c)) })) })}
    ${
      columnsTable.length === 0
        ? ''
        : html`<details>
            <summary>Every column in the latest run</summary>
            ${dataTable({ caption: 'The drift test of each column', headers: ['Column', 'Test', 'Score', 'Threshold', 'Drift'], rows: columnsTable })}
          </details>`
    }
  </section>`;
}

function histogramChart(title: string, h: ReportHistogram): SafeHtml {
  return groupedBarChart({
    title,
    labels: h.labels,
    series: [
      { name: 'reference (training)', values: h.reference },
      { name: 'current (served)', values: h.current },
    ],
  });
}

function histogramSection(view: Extract<MonitoringView, { kind: 'runs' }>): SafeHtml {
  const h = view.report?.histograms;
  if (h === undefined)
    return html`<section>
      <h2>Distributions</h2>
      <p>
        No histograms in the latest run's
        report${view.reportProblem === undefined ? '' : ` (${view.reportProblem})`}; runs of an
        older monitor do not write them.
      </p>
    </section>`;
  const top = topColumns(view.points, view.report).filter((c) => h.columns[c] !== undefined);
  const charts = top.map((c) =>
    histogramChart(`${c}: reference vs current`, h.columns[c] as ReportHistogram),
  );
  return html`<section>
    <h2>Distributions in the latest window</h2>
    ${h.score === undefined || h.score === null ? html`<p>No score distribution in the report.</p>` : histogramChart('Score distribution: reference vs current', h.score)}
    ${charts}
  </section>`;
}

function performanceSection(points: readonly MonitoringPoint[]): SafeHtml {
  const x = labels(points);
  const shown = PERFORMANCE_METRICS.filter(
    (k) => k !== 'label_coverage' && points.some((p) => p.metrics.has(k)),
  );
  const rows = points.map((p) => [
    when(p.startedAt),
    figure(p.metrics.get(M.windowRows)),
    figure(p.metrics.get(M.windowLabelled)),
    percent(p.metrics.get('label_coverage')),
    figure(p.metrics.get('roc_auc')),
    figure(p.metrics.get('f1')),
  ]);
  return html`<section>
    <h2>Performance on labelled rows</h2>
    ${shown.length === 0 ? html`<p>No window had enough labels to measure performance yet; send labels with <code>POST /feedback</code>.</p>` : lineChart({ title: 'Performance per monitoring run', xLabels: x, series: shown.slice(0, 6).map((k) => ({ name: k, values: series(points, k) })), yMax: 1 })}
    ${dataTable({
      caption: 'Windows and label coverage',
      headers: ['Run started', 'Rows', 'Labelled', 'Label coverage', 'ROC AUC', 'F1'],
      rows,
    })}
  </section>`;
}

function decisionsSection(points: readonly MonitoringPoint[]): SafeHtml {
  const rows = [...points].reverse().map((p) => [
    when(p.startedAt),
    p.modelVersion ?? '—',
    p.fired === 'true' ? 'fired' : 'skipped',
    p.action ?? '—',
    p.reasons.length === 0
      ? '—'
      : html`<ul>
          ${p.reasons.map((r) => html`<li>${r}</li>`)}
        </ul>`,
  ]);
  return html`<section>
    <h2>Decisions</h2>
    ${dataTable({
      caption: 'The retraining policy on each run, newest first',
      headers: ['Run started', 'Version watched', 'Policy', 'Action', 'Why'],
      rows,
    })}
  </section>`;
}

export function monitoringPageBody(modelName: string, view: MonitoringView): SafeHtml {
  if (view.kind === 'none') return emptyState(modelName, view.reason);
  return html`<p>
      Monitoring runs of ${modelName} shown: ${view.points.length} (the latest
      ${MAX_MONITORING_RUNS} at most), oldest to newest.
    </p>
    ${driftSection(view.points, view.report)} ${histogramSection(view)}
    ${performanceSection(view.points)} ${decisionsSection(view.points)}`;
}
