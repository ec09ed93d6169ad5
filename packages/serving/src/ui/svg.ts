/**
 * Small server-rendered SVG charts (no chart library, no script): horizontal bars (reasons,
 * shares), grouped vertical bars (reference vs current histograms) and lines over time (drift).
 * Every text goes through the `html` tag; colours are presentation attributes, so the strict
 * CSP (no inline style) holds. Each chart is an image with an accessible name.
 */
import { figure } from './format.js';
import { html, type SafeHtml } from './html.js';

export const COLOURS = ['#1e6bb8', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0e7490'] as const;
const POSITIVE = '#b91c1c';
const NEGATIVE = '#1d4ed8';
const AXIS = '#6b7280';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

function colour(i: number): string {
  return COLOURS[i % COLOURS.length] ?? AXIS;
}

/**
 * Horizontal bars around a zero line: positive values to the right (red: towards the positive
 * class), negative to the left (blue), each labelled with its value.
 */
export function signedBarChart(options: {
  readonly title: string;
  readonly bars: readonly Bar[];
}): SafeHtml {
  const { bars } = options;
  const row = 26;
  const labelWidth = 220;
  const plot = 360;
  const width = labelWidth + plot + 70;
  const height = bars.length * row + 10;
  const max = Math.max(1e-12, ...bars.map((b) => Math.abs(b.value)));
  const hasNegative = bars.some((b) => b.value < 0);
  const zero = labelWidth + (hasNegative ? plot / 2 : 0);
  // Room beside the longest bar for its value label.
  const scale = ((hasNegative ? plot / 2 : plot) - 50) / max;
  const items = bars.map((b, i) => {
    const y = 5 + i * row;
    const w = Math.abs(b.value) * scale;
    const x = b.value >= 0 ? zero : zero - w;
    const textX = b.value >= 0 ? zero + w + 4 : zero - w - 4;
    return html`<g
      ><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="13">${b.label}</text>
      <rect
        x="${x.toFixed(1)}"
        y="${y + 3}"
        width="${Math.max(1, w).toFixed(1)}"
        height="${row - 8}"
        fill="${b.value >= 0 ? POSITIVE : NEGATIVE}"
      />
      <text
        x="${textX.toFixed(1)}"
        y="${y + 16}"
        text-anchor="${b.value >= 0 ? 'start' : 'end'}"
        font-size="12"
        >${figure(b.value, 3)}</text
      ></g
    >`;
  });
  return chart({
    title: options.title,
    width,
    height,
    body: html`<line x1="${zero}" y1="0" x2="${zero}" y2="${height}" stroke="${AXIS}" />${items}`,
  });
}

/** Grouped vertical bars: one group per label, one bar per series (e.g. reference, current). */
export function groupedBarChart(options: {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}): SafeHtml {
  const { labels, series } = options;
  const width = 640;
  const height = 220;
  const left = 44;
  const bottom = 50;
  const top = legendHeight(series.length);
  const plotW = width - left - 10;
  const plotH = height - bottom - top;
  const max = Math.max(1e-12, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const group = plotW / Math.max(1, labels.length);
  const barW = (group * 0.8) / Math.max(1, series.length);
  const bars = series.flatMap((s, si) =>
    s.values.map((v, i) => {
      const h = (Number.isFinite(v) ? v : 0) * (plotH / max);
      const x = left + i * group + group * 0.1 + si * barW;
      return html`<rect
        x="${x.toFixed(1)}"
        y="${(top + plotH - h).toFixed(1)}"
        width="${barW.toFixed(1)}"
        height="${h.toFixed(1)}"
        fill="${colour(si)}"
        ><title>${s.name} ${labels[i] ?? ''}: ${figure(v, 3)}</title></rect
      >`;
    }),
  );
  const ticks = labels.map((l, i) =>
    i % Math.ceil(labels.length / 10) === 0
      ? html`<text
          x="${(left + i * group + group / 2).toFixed(1)}"
          y="${height - bottom + 14}"
          font-size="10"
          text-anchor="end"
          transform="rotate(-35 ${(left + i * group + group / 2).toFixed(1)} ${height - bottom + 14})"
          >${l.slice(0, 14)}</text
        >`
      : '',
  );
  return chart({
    title: options.title,
    width,
    height,
    body: html`${frame({ names: series.map((s) => s.name), left, right: width - 10, top, plotH, max })}
    ${bars}${ticks}`,
  });
}

const LEGEND_PER_ROW = 4;

function legendHeight(entries: number): number {
  return 8 + 16 * Math.ceil(entries / LEGEND_PER_ROW);
}

/** Colour keys, four to a row, above the plot. */
function legend(names: readonly string[], left: number): SafeHtml[] {
  return names.map((n, i) => {
    const x = left + (i % LEGEND_PER_ROW) * 150;
    const y = 4 + 16 * Math.floor(i / LEGEND_PER_ROW);
    return html`<rect x="${x}" y="${y}" width="12" height="12" fill="${colour(i)}" /><text
        x="${x + 16}"
        y="${y + 10}"
        font-size="12"
        >${n.slice(0, 20)}</text
      >`;
  });
}

/**
 * What a plot stands in: the series' legend above it, the y axis from 0 (at the bottom) to `max`
 * (at the top), labelled at both ends, and the x axis.
 */
function frame(o: {
  names: readonly string[];
  left: number;
  right: number;
  top: number;
  plotH: number;
  max: number;
}): SafeHtml {
  const bottom = o.top + o.plotH;
  return html`${legend(o.names, o.left)}
    <line x1="${o.left}" y1="${o.top}" x2="${o.left}" y2="${bottom}" stroke="${AXIS}" />
    <line x1="${o.left}" y1="${bottom}" x2="${o.right}" y2="${bottom}" stroke="${AXIS}" />
    <text x="${o.left - 4}" y="${o.top + 4}" font-size="10" text-anchor="end"
      >${figure(o.max, 2)}</text
    >
    <text x="${o.left - 4}" y="${bottom}" font-size="10" text-anchor="end">0</text>`;
}

/** Lines over ordered points (e.g. monitoring runs), y from 0 to `yMax` (or the data's max). */
export function lineChart(options: {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly yMax?: number;
  /** A horizontal reference line (e.g. the dataset-drift share 0.5). */
  readonly rule?: { readonly value: number; readonly label: string };
}): SafeHtml {
  const { xLabels, series } = options;
  const width = 640;
  const height = 240;
  const left = 44;
  const top = legendHeight(series.length);
  const plotW = width - left - 16;
  const plotH = height - top - 40;
  const yMax =
    options.yMax ?? Math.max(1e-12, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const x = (i: number): number =>
    left + (xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (xLabels.length - 1));
  const y = (v: number): number => top + plotH - (Math.min(v, yMax) / yMax) * plotH;
  const lines = series.map((s, si) => {
    const points = s.values
      .map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : ''))
      .filter((p) => p !== '')
      .join(' ');
    const dots = s.values.map((v, i) =>
      Number.isFinite(v)
        ? html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour(si)}"
            ><title>${s.name} ${xLabels[i] ?? ''}: ${figure(v, 3)}</title></circle
          >`
        : '',
    );
    return html`<polyline
        points="${points}"
        fill="none"
        stroke="${colour(si)}"
        stroke-width="2"
      />${dots}`;
  });
  const rule = options.rule;
  return chart({
    title: options.title,
    width,
    height,
    body: html`${frame({ names: series.map((s) => s.name), left, right: width - 16, top, plotH, max: yMax })}
    ${rule === undefined ? '' : html`<line x1="${left}" y1="${y(rule.value).toFixed(1)}" x2="${width - 16}" y2="${y(rule.value).toFixed(1)}" stroke="${AXIS}" stroke-dasharray="4 3" /><text x="${width - 18}" y="${(y(rule.value) - 3).toFixed(1)}" font-size="10" text-anchor="end">${rule.label}</text>`}
    ${lines} ${timeLabels({ labels: xLabels, left, right: width - 16, y: height - 8 })}`,
  });
}

/** The first and last x labels under the plot; a single one under its (centred) point. */
function timeLabels(o: {
  labels: readonly string[];
  left: number;
  right: number;
  y: number;
}): SafeHtml {
  const { labels, y } = o;
  if (labels.length <= 1)
    return html`<text x="${(o.left + o.right) / 2}" y="${y}" font-size="10" text-anchor="middle"
      >${labels[0] ?? ''}</text
    >`;
  return html`<text x="${o.left}" y="${y}" font-size="10">${labels[0]}</text>
    <text x="${o.right}" y="${y}" font-size="10" text-anchor="end">${labels.at(-1)}</text>`;
}

/**
 * A chart: an SVG image named by its title, under the title as a visible caption, in a box that
 * scrolls sideways on a narrow screen rather than shrinking the text out of reach.
 */
function chart(o: { title: string; width: number; height: number; body: SafeHtml }): SafeHtml {
  return html`<figure class="chart">
    <figcaption>${o.title}</figcaption>
    <div class="scroll" tabindex="0" role="region" aria-label="${o.title}">
      <svg
        role="img"
        aria-label="${o.title}"
        viewBox="0 0 ${o.width} ${o.height}"
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>${o.title}</title>
        ${o.body}
      </svg>
    </div>
  </figure>`;
}
