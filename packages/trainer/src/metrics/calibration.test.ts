import { calibrationCurve } from './calibration.js';

describe('calibrationCurve', () => {
  it('bins uniformly and reports mean prediction and positive rate per non-empty bin', () => {
    // .05 -> [0, .1); .12 and .15 -> [.1, .2); .95 -> [.9, 1].
    const bins = calibrationCurve({
      labels: Uint8Array.from([0, 1, 0, 1]),
      probs: Float64Array.from([0.05, 0.15, 0.12, 0.95]),
    });
    expect(bins).toHaveLength(3);
    expect(bins[1]).toMatchObject({ lower: 0.1, upper: 0.2, fractionPositive: 0.5, weight: 2 });
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.135, 12);
    expect(bins[2]).toMatchObject({ lower: 0.9, upper: 1, fractionPositive: 1, weight: 1 });
  });

  it('puts a probability of exactly 1 in the last bin', () => {
    const bins = calibrationCurve({
      labels: Uint8Array.from([1]),
      probs: Float64Array.from([1]),
      bins: 5,
    });
    expect(bins[0]).toMatchObject({ lower: 0.8, upper: 1 });
  });

  it('cuts quantile bins so that they hold equal numbers of rows', () => {
    // Quantiles of .1 .2 .3 .4 at 0, .5, 1: .1, .25, .4.
    const bins = calibrationCurve({
      labels: Uint8Array.from([0, 0, 1, 1]),
      probs: Float64Array.from([0.4, 0.1, 0.3, 0.2]),
      bins: 2,
      strategy: 'quantile',
    });
    expect(bins.map((b) => [b.lower, b.upper, b.weight, b.fractionPositive])).toEqual([
      [0.1, 0.25, 2, 0.5],
      [0.25, 0.4, 2, 0.5],
    ]);
  });

  it('merges quantile bins whose edges coincide', () => {
    const probs = Float64Array.from([0.2, 0.2, 0.2, 0.2, 0.9]);
    const bins = calibrationCurve({
      labels: Uint8Array.from([0, 0, 1, 0, 1]),
      probs,
      bins: 4,
      strategy: 'quantile',
    });
    expect(bins.reduce((sum, b) => sum + b.weight, 0)).toBe(5);
    expect(new Set(bins.map((b) => b.lower)).size).toBe(bins.length);
  });
});
