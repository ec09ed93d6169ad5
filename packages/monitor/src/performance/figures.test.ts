import { describeFigure, expectedCalibrationError, labelFigures, type Figure } from './figures.js';

function rows(probability: number[], actual: number[], threshold = 0.5) {
  return {
    probability: Float64Array.from(probability),
    predicted: Uint8Array.from(probability.map((p) => (p >= threshold ? 1 : 0))),
    actual: Uint8Array.from(actual),
  };
}

const value = (figure: Figure): number => {
  if (figure.status !== 'ok') throw new Error(figure.message);
  return figure.value;
};

// Values from scikit-learn 1.9.1 on the same ten rows (roc_auc_score, average_precision_score,
// f1/precision/recall_score of p >= 0.5, brier_score_loss); 0.4 is a tie across both classes.
const Y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
const P = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.4, 0.65, 0.7];

describe('labelFigures', () => {
  it('gives the numbers scikit-learn gives, ties included', () => {
    const f = labelFigures(rows(P, Y), { minLabels: 10, bins: 10 });
    expect(value(f.rocAuc)).toBeCloseTo(0.76, 12);
    expect(value(f.prAuc)).toBeCloseTo(0.7892857142857144, 12);
    expect(value(f.f1)).toBeCloseTo(2 / 3, 12);
    expect(value(f.precision)).toBeCloseTo(0.75, 12);
    expect(value(f.recall)).toBeCloseTo(0.6, 12);
    expect(value(f.brier)).toBeCloseTo(0.1815, 12);
    expect(value(f.observedPositiveRate)).toBe(0.5);
  });

  it('scores all-equal probabilities as chance: AUC 0.5, average precision = positive share', () => {
    const f = labelFigures(rows([0.3, 0.3, 0.3, 0.3, 0.3], [0, 1, 1, 0, 0]), {
      minLabels: 5,
      bins: 10,
    });
    expect(value(f.rocAuc)).toBe(0.5);
    expect(value(f.prAuc)).toBeCloseTo(0.4, 12);
    // Nothing answered positive: precision and F1 are 0 (scikit-learn's zero_division=0).
    expect(value(f.precision)).toBe(0);
    expect(value(f.f1)).toBe(0);
  });

  it('reads precision and recall from the labels the model answered, not from a threshold', () => {
    const r = rows([0.9, 0.9, 0.1, 0.1], [1, 0, 1, 0]);
    // The service answered 1 for the first row only (its own threshold was 0.95 then 0.5...).
    const answered = { ...r, predicted: Uint8Array.from([1, 0, 0, 0]) };
    const f = labelFigures(answered, { minLabels: 4, bins: 10 });
    expect(value(f.precision)).toBe(1);
    expect(value(f.recall)).toBe(0.5);
  });

  it('says "insufficient labels (n of min)" for every label figure below the minimum', () => {
    const f = labelFigures(rows(P, Y), { minLabels: 200, bins: 10 });
    for (const figure of [f.rocAuc, f.prAuc, f.f1, f.precision, f.recall, f.brier, f.ece]) {
      expect(describeFigure(figure)).toBe('insufficient labels (10 of 200)');
    }
    expect(f.observedPositiveRate).toMatchObject({ status: 'insufficient', labelled: 10 });
    expect(f.calibration).toMatchObject({ status: 'insufficient', minimum: 200 });
  });

  it('gives no ranking figure when every label is of one class, but does give the observed rate', () => {
    const f = labelFigures(rows([0.2, 0.7, 0.4], [0, 0, 0]), { minLabels: 3, bins: 10 });
    expect(describeFigure(f.rocAuc)).toBe('insufficient labels (3 of 3, no positive labels)');
    expect(describeFigure(f.f1)).toBe('insufficient labels (3 of 3, no positive labels)');
    expect(value(f.observedPositiveRate)).toBe(0);
    const allPositive = labelFigures(rows([0.2, 0.7], [1, 1]), { minLabels: 1, bins: 10 });
    expect(describeFigure(allPositive.prAuc)).toContain('no negative labels');
  });

  it('bins the calibration curve and weighs each bin gap by its rows for the ECE', () => {
    const f = labelFigures(rows([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1]), { minLabels: 4, bins: 10 });
    if ('status' in f.calibration) throw new Error(f.calibration.message);
    expect(f.calibration.map((b) => [b.meanPredicted, b.fractionPositive, b.weight])).toEqual([
      [0.1, 0.5, 2],
      [0.9, 1, 2],
    ]);
    // (2 × |0.1 − 0.5| + 2 × |0.9 − 1|) / 4
    expect(value(f.ece)).toBeCloseTo(0.25, 12);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
