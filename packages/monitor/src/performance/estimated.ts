/**
 * Estimated performance before labels arrive, in the manner of NannyML's CBPE (confidence-based
 * performance estimation): if the probabilities are calibrated, a row scored p is a positive with
 * probability p, so each row counts as p of a positive and 1 − p of a negative. Expected
 * confusion counts give precision, recall and F1 (of the labels the model answered); the ROC AUC
 * and average precision are the trainer's, over every row taken twice (as a positive weighing p,
 * as a negative weighing 1 − p). An ESTIMATE: it is only as good as the calibration, and it cannot
 * see concept drift (the same inputs now meaning another outcome).
 */
import { averagePrecision, classificationMetrics, rocAuc } from '@champion/trainer';
import type { Figure } from './figures.js';

export interface EstimatedPerformance {
  /** Says what these figures are, for every reader of a report. */
  readonly method: 'cbpe';
  readonly note: string;
  readonly rocAuc: Figure;
  readonly prAuc: Figure;
  readonly precision: Figure;
  readonly recall: Figure;
  readonly f1: Figure;
}

/** Served rows (labels not needed). */
export interface ScoredRows {
  readonly probability: Float64Array;
  readonly predicted: Uint8Array;
}

export const CBPE_NOTE =
  'estimated from the probabilities alone (CBPE): valid only while the model stays calibrated, blind to concept drift';

function undefinedFigure(served: number): Figure {
  return {
    status: 'insufficient',
    labelled: 0,
    minimum: 0,
    message: `no estimate (${served} rows served, with ${served === 0 ? 'nothing to score' : 'every probability 0 or every probability 1'})`,
  };
}

function expectedConfusion(rows: ScoredRows) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < rows.probability.length; i++) {
    const p = rows.probability[i] ?? 0;
    if (rows.predicted[i] === 1) {
      tp += p;
      fp += 1 - p;
    } else {
      fn += p;
      tn += 1 - p;
    }
  }
  return { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn };
}

/** Every row as a positive (weight p) and as a negative (weight 1 − p). */
function asExpectedLabels(rows: ScoredRows) {
  const n = rows.probability.length;
  const labels = new Uint8Array(2 * n);
  const probs = new Float64Array(2 * n);
  const weights = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const p = rows.probability[i] ?? 0;
    labels[i] = 1;
    probs[i] = p;
    weights[i] = p;
    probs[n + i] = p;
    weights[n + i] = 1 - p;
  }
  return { labels, probs, weights };
}

/** The CBPE estimates of `rows` (see the module header). */
export function estimatedPerformance(rows: ScoredRows): EstimatedPerformance {
  const confusion = expectedConfusion(rows);
  const positives = confusion.truePositive + confusion.falseNegative;
  const negatives = confusion.falsePositive + confusion.trueNegative;
  if (!(positives > 0 && negatives > 0)) {
    const none = undefinedFigure(rows.probability.length);
    return {
      method: 'cbpe',
      note: CBPE_NOTE,
      ...{ rocAuc: none, prAuc: none },
      ...{ precision: none, recall: none, f1: none },
    };
  }
  const hard = classificationMetrics(confusion);
  const expected = asExpectedLabels(rows);
  const ok = (value: number): Figure => ({ status: 'ok', value });
  return {
    method: 'cbpe',
    note: CBPE_NOTE,
    rocAuc: ok(rocAuc(expected)),
    prAuc: ok(averagePrecision(expected)),
    precision: ok(hard.precision),
    recall: ok(hard.recall),
    f1: ok(hard.f1),
  };
}
