/**
 * Performance of the served rows: over all of them and per fixed-width time window. Each window
 * gives its served and labelled counts, label coverage, predicted positive rate (needs no labels)
 * and the label figures (which say "insufficient labels (n of min)" when the labels are too few).
 * Windows that served nothing are left out.
 */
import { NO_LABEL, type PerformanceRows } from './accumulator.js';
import { PerformanceError } from './errors.js';
import { estimatedPerformance, type EstimatedPerformance } from './estimated.js';
import { labelFigures, type LabelFigures, type LabelledRows } from './figures.js';
import { windowIndex } from './window.js';

/** Default fewest labels a figure is computed from. */
export const DEFAULT_MIN_LABELS = 200;
/** Default calibration bins. */
export const DEFAULT_CALIBRATION_BINS = 10;

export interface PerformanceOptions {
  /** Fewest labels (with both classes present) a label figure is computed from. @default 200 */
  readonly minLabels?: number;
  /** Equal-width calibration bins on [0, 1]. @default 10 */
  readonly bins?: number;
  /** Window width in milliseconds (see `parseWindow`); no per-window figures when omitted. */
  readonly windowMs?: number;
  /** Add CBPE estimates from the probabilities alone (see estimated.ts). @default false */
  readonly estimate?: boolean;
}

export interface WindowPerformance extends LabelFigures {
  /** ISO time of the window's start (of the first row for the overall figures); null if empty. */
  readonly start: string | null;
  /** ISO time the window ends (exclusive; the last row's time for the overall figures). */
  readonly end: string | null;
  readonly served: number;
  readonly labelled: number;
  /** labelled / served; null when nothing was served. */
  readonly labelCoverage: number | null;
  /** Share of served rows the model answered positive; null when nothing was served. */
  readonly predictedPositiveRate: number | null;
  /** Estimated figures (no labels used), when asked for. Clearly an estimate: see its `note`. */
  readonly estimated?: EstimatedPerformance;
}

export interface PerformanceReport {
  readonly minLabels: number;
  readonly bins: number;
  readonly windowMs: number | null;
  readonly overall: WindowPerformance;
  readonly windows: readonly WindowPerformance[];
}

interface Checked {
  readonly minLabels: number;
  readonly bins: number;
  readonly estimate: boolean;
}

function checkOptions(options: PerformanceOptions): Checked {
  const minLabels = options.minLabels ?? DEFAULT_MIN_LABELS;
  const bins = options.bins ?? DEFAULT_CALIBRATION_BINS;
  if (!Number.isInteger(minLabels) || minLabels < 1)
    throw new PerformanceError('CONFIG', `minLabels must be a whole number ≥ 1, got ${minLabels}.`);
  if (!Number.isInteger(bins) || bins < 1)
    throw new PerformanceError('CONFIG', `bins must be a whole number ≥ 1, got ${bins}.`);
  const w = options.windowMs;
  if (w !== undefined && !(w >= 1 && Number.isFinite(w)))
    throw new PerformanceError('CONFIG', `windowMs must be a duration ≥ 1 ms, got ${w}.`);
  return { minLabels, bins, estimate: options.estimate === true };
}

/** The labelled rows among `select` (row indices), copied into dense arrays. */
function labelledAmong(rows: PerformanceRows, select: Uint32Array): LabelledRows {
  let n = 0;
  for (const i of select) if (rows.actual[i] !== NO_LABEL) n++;
  const probability = new Float64Array(n);
  const predicted = new Uint8Array(n);
  const actual = new Uint8Array(n);
  let k = 0;
  for (const i of select) {
    if (rows.actual[i] === NO_LABEL) continue;
    probability[k] = rows.probability[i] ?? NaN;
    predicted[k] = rows.predicted[i] ?? 0;
    actual[k] = rows.actual[i] ?? 0;
    k++;
  }
  return { probability, predicted, actual };
}

function iso(ms: number | undefined): string | null {
  return ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

function groupPerformance(
  rows: PerformanceRows,
  select: Uint32Array,
  options: Checked & { start?: number; end?: number },
): WindowPerformance {
  const labelled = labelledAmong(rows, select);
  let predictedPositive = 0;
  for (const i of select) predictedPositive += rows.predicted[i] ?? 0;
  const served = select.length;
  return {
    start: iso(options.start),
    end: iso(options.end),
    served,
    labelled: labelled.actual.length,
    labelCoverage: served > 0 ? labelled.actual.length / served : null,
    predictedPositiveRate: served > 0 ? predictedPositive / served : null,
    ...labelFigures(labelled, options),
    ...(options.estimate ? { estimated: estimatedPerformance(scoredAmong(rows, select)) } : {}),
  };
}

/** Probabilities and answered labels of the `select` rows, labelled or not. */
function scoredAmong(rows: PerformanceRows, select: Uint32Array) {
  const probability = new Float64Array(select.length);
  const predicted = new Uint8Array(select.length);
  select.forEach((row, k) => {
    probability[k] = rows.probability[row] ?? NaN;
    predicted[k] = rows.predicted[row] ?? 0;
  });
  return { probability, predicted };
}

/** Row indices grouped by window (a counting sort): `order` holds each window's rows contiguously. */
function byWindow(rows: PerformanceRows, widthMs: number) {
  const index = new Float64Array(rows.size);
  const counts = new Map<number, number>();
  for (let i = 0; i < rows.size; i++) {
    const w = windowIndex(rows.time[i] ?? NaN, widthMs);
    index[i] = w;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const windows = [...counts.keys()].sort((a, b) => a - b);
  const offset = new Map<number, number>();
  let at = 0;
  for (const w of windows) {
    offset.set(w, at);
    at += counts.get(w) ?? 0;
  }
  const order = new Uint32Array(rows.size);
  const next = new Map(offset);
  for (let i = 0; i < rows.size; i++) {
    const w = index[i] ?? 0;
    const k = next.get(w) ?? 0;
    order[k] = i;
    next.set(w, k + 1);
  }
  return windows.map((w) => {
    const from = offset.get(w) ?? 0;
    return { window: w, select: order.subarray(from, from + (counts.get(w) ?? 0)) };
  });
}

function timeRange(rows: PerformanceRows): { start?: number; end?: number } {
  if (rows.size === 0) return {};
  let start = Infinity;
  let end = -Infinity;
  for (const t of rows.time) {
    if (t < start) start = t;
    if (t > end) end = t;
  }
  return { start, end };
}

/** Performance over all rows and, with `windowMs`, per window (oldest first). */
export function performanceReport(
  rows: PerformanceRows,
  options: PerformanceOptions = {},
): PerformanceReport {
  const checked = checkOptions(options);
  const all = new Uint32Array(rows.size);
  for (let i = 0; i < rows.size; i++) all[i] = i;
  const overall = groupPerformance(rows, all, { ...checked, ...timeRange(rows) });
  const widthMs = options.windowMs;
  const windows =
    widthMs === undefined
      ? []
      : byWindow(rows, widthMs).map(({ window, select }) =>
          groupPerformance(rows, select, {
            ...checked,
            start: window * widthMs,
            end: (window + 1) * widthMs,
          }),
        );
  return {
    minLabels: checked.minLabels,
    bins: checked.bins,
    windowMs: widthMs ?? null,
    overall,
    windows,
  };
}
