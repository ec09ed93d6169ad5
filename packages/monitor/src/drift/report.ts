/**
 * The drift report: the engine's result, prediction drift, and where both sides came from; the
 * object `champion monitor drift --json` prints and the HTML page renders.
 */
import type { DatasetData } from './column-data.js';
import { computeDrift, type DriftOptions, type DriftResult } from './engine.js';
import { DriftError } from './errors.js';
import { predictionDrift, type PredictionDrift } from './prediction.js';
import type { LoadedReference } from './reference-io.js';
import { columnHistogram, scoreHistogram, type Histogram } from '../report/histograms.js';

/** Key of the score histogram in {@link DriftReport.histograms}. */
export const SCORE_HISTOGRAM = '\u0000score';

/** Default name of the current data's score column (what `champion score` writes). */
export const DEFAULT_SCORE_COLUMN = 'probability';

export interface DriftReport extends DriftResult {
  readonly prediction: PredictionDrift | null;
  /** Why prediction drift is null, when it is. */
  readonly predictionNote?: string;
  readonly reference: {
    readonly source: string;
    readonly rows: number;
    readonly inexact: readonly string[];
  };
  readonly current: { readonly source: string; readonly rows: number };
  /** Per column (and {@link SCORE_HISTOGRAM}), for the HTML page. */
  readonly histograms?: Readonly<Record<string, Histogram>>;
}

export interface DriftRunInput {
  readonly reference: LoadedReference;
  readonly current: DatasetData;
  readonly currentSource: string;
  readonly options?: DriftOptions;
  /** Column of the current data holding the model's probability. @default 'probability' */
  readonly scoreColumn?: string;
}

function predictionPart(input: DriftRunInput): Pick<DriftReport, 'prediction' | 'predictionNote'> {
  const name = input.scoreColumn ?? DEFAULT_SCORE_COLUMN;
  const { scores } = input.reference;
  if (scores === undefined) {
    return {
      prediction: null,
      predictionNote: 'the reference has no scores (only a model reference has)',
    };
  }
  const column = input.current.columns.find((c) => c.name === name);
  if (column === undefined) {
    return { prediction: null, predictionNote: `the current data has no score column ${name}` };
  }
  const prediction = predictionDrift({
    reference: scores,
    current: column,
    ...(input.reference.threshold === undefined
      ? {}
      : { decisionThreshold: input.reference.threshold }),
    ...(input.reference.positiveRate === undefined
      ? {}
      : { referencePositiveRate: input.reference.positiveRate }),
  });
  return prediction === null
    ? { prediction: null, predictionNote: `the score column ${name} holds no numbers` }
    : { prediction };
}

/**
 * A model's reference names the features the model scores: current data without some of them
 * cannot be compared with it (a file of other columns, or the wrong model's records).
 */
function checkModelFeatures(input: DriftRunInput, exclude: readonly string[]): void {
  if (input.reference.scores === undefined) return;
  const present = new Set(input.current.columns.map((c) => c.name));
  const skip = new Set(exclude);
  const missing = input.reference.data.columns
    .map((c) => c.name)
    .filter((name) => !present.has(name) && !skip.has(name));
  if (missing.length === 0) return;
  const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
  throw new DriftError({
    code: 'COLUMN_MISMATCH',
    message: `${input.currentSource} lacks ${missing.length} of the ${input.reference.data.columns.length} features of ${input.reference.source}: ${shown}. Compare data of this model, or pass --exclude to leave these features out.`,
  });
}

/** Computes the whole report. */
export function runDrift(input: DriftRunInput): DriftReport {
  const scoreColumn = input.scoreColumn ?? DEFAULT_SCORE_COLUMN;
  const hasScores = input.reference.scores !== undefined;
  checkModelFeatures(input, input.options?.exclude ?? []);
  const options = input.options ?? {};
  // The score column is prediction drift, not a feature, when the reference is a model's.
  const exclude = hasScores ? [...(options.exclude ?? []), scoreColumn] : options.exclude;
  const result = computeDrift(input.reference.data, input.current, {
    ...options,
    ...(exclude === undefined ? {} : { exclude }),
  });
  const histograms: Record<string, Histogram> = {};
  const refColumns = new Map(input.reference.data.columns.map((c) => [c.name, c]));
  const curColumns = new Map(input.current.columns.map((c) => [c.name, c]));
  for (const c of result.columns) {
    const r = refColumns.get(c.name);
    const k = curColumns.get(c.name);
    if (r !== undefined && k !== undefined) histograms[c.name] = columnHistogram(r, k, c.type);
  }
  const scores = curColumns.get(scoreColumn);
  if (
    input.reference.scores !== undefined &&
    scores?.kind === 'numeric' &&
    scores.sample.total > 0
  ) {
    histograms[SCORE_HISTOGRAM] = scoreHistogram(input.reference.scores, scores.sample);
  }
  return {
    ...result,
    ...predictionPart(input),
    histograms,
    reference: {
      source: input.reference.source,
      rows: input.reference.data.rows,
      inexact: input.reference.inexact,
    },
    current: { source: input.currentSource, rows: input.current.rows },
  };
}

function predictionJson(p: PredictionDrift | null): Record<string, unknown> | null {
  if (p === null) return null;
  return {
    method: p.method,
    score: p.score,
    threshold: p.threshold,
    drifted: p.drifted,
    reference_rows: p.referenceRows,
    current_rows: p.currentRows,
    decision_threshold: p.decisionThreshold,
    reference_positive_rate: p.referencePositiveRate,
    current_positive_rate: p.currentPositiveRate,
    positive_rate_p_value: p.positiveRatePValue,
  };
}

/** The `--json` object: the documented keys first, details after. */
export function driftReportJson(report: DriftReport): Record<string, unknown> {
  return {
    columns: report.columns.map((c) => ({
      name: c.name,
      type: c.type,
      method: c.method,
      score: c.score,
      threshold: c.threshold,
      drifted: c.drifted,
      missing: { reference: c.reference.missingShare, current: c.current.missingShare },
      unseen: c.unseenShare,
    })),
    share: report.share,
    drifted: report.drifted,
    drifted_columns: report.driftedCount,
    prediction: predictionJson(report.prediction),
    ...(report.predictionNote === undefined ? {} : { prediction_note: report.predictionNote }),
    skipped: report.skipped,
    reference: report.reference,
    current: report.current,
  };
}
