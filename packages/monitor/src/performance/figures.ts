/**
 * The label-based figures of one group of labelled rows. The formulas are the trainer's (one rule,
 * one place): ROC AUC, average precision, precision / recall / F1, Brier and the calibration
 * curve; only the expected calibration error, which the trainer does not compute, is defined here.
 * A group with fewer labels than the minimum, or without both classes, gets no number: each
 * figure says "insufficient labels (n of min)" instead of guessing.
 */
import {
  averagePrecision,
  brierScore,
  calibrationCurve,
  classificationMetrics,
  rocAuc,
  type CalibrationBin,
} from '@champion/trainer';

/** A figure computed from enough labels. */
export interface Measured {
  readonly status: 'ok';
  readonly value: number;
}

/** A figure left out because the labels were too few (or of one class only). */
export interface Insufficient {
  readonly status: 'insufficient';
  readonly labelled: number;
  readonly minimum: number;
  /** E.g. "insufficient labels (57 of 200)". */
  readonly message: string;
}

export type Figure = Measured | Insufficient;

/** Labelled rows only: 0/1 labels as class indices (1 = positive). */
export interface LabelledRows {
  readonly probability: Float64Array;
  readonly predicted: Uint8Array;
  readonly actual: Uint8Array;
}

/** Everything measured from the true labels. */
export interface LabelFigures {
  readonly rocAuc: Figure;
  /** Average precision, as scikit-learn's `average_precision_score` (a step sum, no interpolation). */
  readonly prAuc: Figure;
  /** Precision, recall and F1 of the labels the model answered (its threshold applied). */
  readonly precision: Figure;
  readonly recall: Figure;
  readonly f1: Figure;
  readonly brier: Figure;
  /** Expected calibration error: the row-weighted mean |mean predicted − observed rate| over the bins. */
  readonly ece: Figure;
  /** Share of positives among the labels (needs the minimum count, not both classes). */
  readonly observedPositiveRate: Figure;
  /** Equal-width bins on [0, 1]; empty bins left out. */
  readonly calibration: readonly CalibrationBin[] | Insufficient;
}

export interface LabelFigureOptions {
  /** Fewest labels a figure is computed from. */
  readonly minLabels: number;
  /** Calibration bins. */
  readonly bins: number;
}

const ok = (value: number): Measured => ({ status: 'ok', value });

function insufficient(labelled: number, minimum: number, why?: string): Insufficient {
  const suffix = why === undefined ? '' : `, ${why}`;
  return {
    status: 'insufficient',
    labelled,
    minimum,
    message: `insufficient labels (${labelled} of ${minimum}${suffix})`,
  };
}

/** Why `rows` cannot give label figures, or undefined when they can. */
function shortage(rows: LabelledRows, minimum: number): Insufficient | undefined {
  const n = rows.actual.length;
  if (n < minimum) return insufficient(n, minimum);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += rows.actual[i] ?? 0;
  if (positives === 0) return insufficient(n, minimum, 'no positive labels');
  if (positives === n) return insufficient(n, minimum, 'no negative labels');
  return undefined;
}

/** Expected calibration error of calibration bins. */
export function expectedCalibrationError(bins: readonly CalibrationBin[]): number {
  let total = 0;
  let gap = 0;
  for (const bin of bins) {
    total += bin.weight;
    gap += bin.weight * Math.abs(bin.meanPredicted - bin.fractionPositive);
  }
  return total > 0 ? gap / total : 0;
}

/** The confusion matrix of the answered labels against the true ones. */
function answeredConfusion(rows: LabelledRows) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < rows.actual.length; i++) {
    const actual = rows.actual[i] === 1;
    if (rows.predicted[i] === 1) {
      if (actual) tp++;
      else fp++;
    } else if (actual) fn++;
  }
  const tn = rows.actual.length - tp - fp - fn;
  return { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn };
}

function observedRate(rows: LabelledRows, minimum: number): Figure {
  const n = rows.actual.length;
  if (n < minimum) return insufficient(n, minimum);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += rows.actual[i] ?? 0;
  return ok(positives / n);
}

/** Every label figure of `rows` (see {@link LabelFigures}). */
export function labelFigures(rows: LabelledRows, options: LabelFigureOptions): LabelFigures {
  const observedPositiveRate = observedRate(rows, options.minLabels);
  const short = shortage(rows, options.minLabels);
  if (short !== undefined) {
    return {
      ...{ rocAuc: short, prAuc: short, precision: short, recall: short, f1: short },
      ...{ brier: short, ece: short, calibration: short, observedPositiveRate },
    };
  }
  const scored = { labels: rows.actual, probs: rows.probability };
  const hard = classificationMetrics(answeredConfusion(rows));
  const calibration = calibrationCurve({ ...scored, bins: options.bins, strategy: 'uniform' });
  return {
    rocAuc: ok(rocAuc(scored)),
    prAuc: ok(averagePrecision(scored)),
    precision: ok(hard.precision),
    recall: ok(hard.recall),
    f1: ok(hard.f1),
    brier: ok(brierScore(scored)),
    ece: ok(expectedCalibrationError(calibration)),
    observedPositiveRate,
    calibration,
  };
}

/** A figure as text: the number (4 decimals) or what is missing. */
export function describeFigure(figure: Figure): string {
  return figure.status === 'ok' ? figure.value.toFixed(4) : figure.message;
}
