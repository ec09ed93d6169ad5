import { brierScore, logLoss } from './probabilistic.js';
import { classificationMetrics, confusionMatrix, expectedCost } from './confusion.js';
import { binaryMetrics } from './summary.js';

// Rows: (y, p) = (1, .9) (0, .8) (1, .7) (0, .3) (1, .2).
const labels = Uint8Array.from([1, 0, 1, 0, 1]);
const probs = Float64Array.from([0.9, 0.8, 0.7, 0.3, 0.2]);

describe('confusionMatrix', () => {
  it('predicts positive when the probability is at least the threshold', () => {
    // At 0.5: .9(+) .8(-) .7(+) predicted positive; .3(-) .2(+) negative.
    expect(confusionMatrix({ labels, probs })).toEqual({
      truePositive: 2,
      falsePositive: 1,
      trueNegative: 1,
      falseNegative: 1,
    });
    expect(confusionMatrix({ labels, probs, threshold: 0.8 }).falsePositive).toBe(1);
  });

  it('sums weights instead of counting rows when weights are given', () => {
    const weights = Float64Array.from([2, 1, 1, 3, 0.5]);
    expect(confusionMatrix({ labels, probs, weights })).toEqual({
      truePositive: 3,
      falsePositive: 1,
      trueNegative: 3,
      falseNegative: 0.5,
    });
  });
});

describe('classificationMetrics', () => {
  it('derives accuracy, precision, recall and F1', () => {
    const m = classificationMetrics({
      truePositive: 2,
      falsePositive: 1,
      trueNegative: 1,
      falseNegative: 1,
    });
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
  });

  it('gives precision 0 rather than NaN when nothing is predicted positive', () => {
    const m = classificationMetrics({
      truePositive: 0,
      falsePositive: 0,
      trueNegative: 3,
      falseNegative: 2,
    });
    expect(m).toEqual({ accuracy: 0.6, precision: 0, recall: 0, f1: 0 });
  });
});

describe('expectedCost', () => {
  it('charges each false negative and false positive its cost, in total and per row', () => {
    // At 0.5 there is 1 FN (cost 5) and 1 FP (cost 1): total 6 over 5 rows.
    const cost = expectedCost({ labels, probs, costs: { falseNegative: 5, falsePositive: 1 } });
    expect(cost.total).toBe(6);
    expect(cost.perRow).toBeCloseTo(1.2, 12);
  });

  it('refuses negative costs', () => {
    expect(() =>
      expectedCost({ labels, probs, costs: { falseNegative: -1, falsePositive: 1 } }),
    ).toThrow(/falseNegative/);
  });
});

describe('logLoss and brierScore', () => {
  it('averages the negative log-likelihood', () => {
    // Probability given to the true class: .9, .2, .7, .7, .2.
    const expected =
      -(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.7) + Math.log(0.2)) / 5;
    expect(logLoss({ labels, probs })).toBeCloseTo(expected, 12);
  });

  it('stays finite for confidently wrong predictions', () => {
    const loss = logLoss({ labels: Uint8Array.from([1]), probs: Float64Array.from([0]) });
    expect(loss).toBeCloseTo(-Math.log(1e-15), 6);
  });

  it('averages squared errors for the Brier score', () => {
    // (.1² + .8² + .3² + .3² + .8²) / 5 = 1.47 / 5.
    expect(brierScore({ labels, probs })).toBeCloseTo(0.294, 12);
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() =>
      brierScore({ labels: Uint8Array.from([1]), probs: Float64Array.from([1.5]) }),
    ).toThrow(/outside \[0, 1\]/);
  });
});

describe('binaryMetrics', () => {
  it('reports every scalar metric under MLflow-friendly names', () => {
    const metrics = binaryMetrics({ labels, probs, costs: { falseNegative: 5, falsePositive: 1 } });
    expect(metrics).toMatchObject({
      roc_auc: 0.5,
      accuracy: 0.6,
      total_cost: 6,
      expected_cost: 1.2,
    });
    expect(Object.keys(metrics)).toEqual(
      expect.arrayContaining(['pr_auc', 'log_loss', 'brier', 'ks', 'f1']),
    );
  });
});
