/**
 * The drift report as one self-contained HTML page: inline CSS and SVG, no script, no external
 * asset; a table of columns and a small histogram per column, so its size depends on the number
 * of columns, never on the number of rows.
 */
import { SCORE_HISTOGRAM, type DriftReport } from '../drift/report.js';
import type { Histogram } from './histograms.js';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function number(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return x !== 0 && Math.abs(x) < 10 ** -digits ? x.toExponential(2) : x.toFixed(digits);
}

const WIDTH = 320;
const HEIGHT = 90;

/** Reference and current shares as paired bars. */
export function histogramSvg(h: Histogram): string {
  const n = Math.max(1, h.labels.length);
  const top = Math.max(1e-12, ...h.reference, ...h.current);
  const slot = WIDTH / n;
  const bar = Math.max(1, slot / 2 - 1);
  const rects: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = ((h.reference[i] ?? 0) / top) * (HEIGHT - 4);
    const c = ((h.current[i] ?? 0) / top) * (HEIGHT - 4);
    const label = escape(h.labels[i] ?? '');
    rects.push(
      `<rect class="r" x="${(i * slot).toFixed(1)}" y="${(HEIGHT - r).toFixed(1)}" width="${bar.toFixed(1)}" height="${r.toFixed(1)}"><title>${label}: reference ${number(h.reference[i] ?? 0, 3)}</title></rect>`,
      `<rect class="c" x="${(i * slot + bar).toFixed(1)}" y="${(HEIGHT - c).toFixed(1)}" width="${bar.toFixed(1)}" height="${c.toFixed(1)}"><title>${label}: current ${number(h.current[i] ?? 0, 3)}</title></rect>`,
    );
  }
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img">${rects.join('')}</svg>`;
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}
.drift{color:#b00020;font-weight:600}.ok{color:#1b5e20}.r{fill:#8aa4c8}.c{fill:#e07b39}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem}`;

function columnRow(report: DriftReport, i: number): string {
  const c = report.columns[i];
  if (c === undefined) return '';
  const h = report.histograms?.[c.name];
  return `<tr><td>${escape(c.name)}</td><td>${c.type}</td><td>${c.method}</td><td>${number(c.score)}</td><td>${number(c.threshold, 2)}</td>
<td class="${c.drifted ? 'drift' : 'ok'}">${c.drifted ? 'drift' : 'no drift'}</td>
<td>${number(c.reference.missingShare, 3)} / ${number(c.current.missingShare, 3)}</td><td>${number(c.unseenShare, 3)}</td>
<td>${h === undefined ? '' : histogramSvg(h)}</td></tr>`;
}

function predictionSection(report: DriftReport): string {
  const p = report.prediction;
  if (p === null)
    return `<h2>Prediction drift</h2><p>Not computed: ${escape(report.predictionNote ?? '')}.</p>`;
  const h = report.histograms?.[SCORE_HISTOGRAM];
  return `<h2>Prediction drift</h2><p>${p.method} ${number(p.score)} (threshold ${number(p.threshold, 2)}):
<span class="${p.drifted ? 'drift' : 'ok'}">${p.drifted ? 'drift' : 'no drift'}</span>.
Positive rate ${number(p.currentPositiveRate, 3)} now vs ${number(p.referencePositiveRate, 3)} in the reference
(p = ${number(p.positiveRatePValue)}).</p>${h === undefined ? '' : histogramSvg(h)}`;
}

/** Renders the report. */
export function driftReportHtml(report: DriftReport, title = 'champion drift report'): string {
  const rows = report.columns.map((_, i) => columnRow(report, i)).join('\n');
  const skipped = report.skipped
    .map((s) => `<li>${escape(s.name)}: ${escape(s.reason)}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>
<h1>${escape(title)}</h1>
<p>Reference: ${escape(report.reference.source)} (${report.reference.rows} rows). Current: ${escape(report.current.source)} (${report.current.rows} rows).</p>
<p class="${report.drifted ? 'drift' : 'ok'}">Dataset ${report.drifted ? 'drift' : 'no drift'}: ${report.driftedCount} of ${report.columns.length} columns drifted (share ${number(report.share, 3)}).</p>
<p class="legend"><span style="background:#8aa4c8"></span>reference<span style="background:#e07b39"></span>current</p>
<table><thead><tr><th>column</th><th>type</th><th>method</th><th>score</th><th>threshold</th><th>decision</th><th>missing ref / cur</th><th>unseen</th><th>distribution</th></tr></thead>
<tbody>${rows}</tbody></table>
${predictionSection(report)}
${skipped === '' ? '' : `<h2>Skipped columns</h2><ul>${skipped}</ul>`}
</body></html>
`;
}
