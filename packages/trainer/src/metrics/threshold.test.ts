import { chooseThreshold } from './threshold.js';

// Rows: (y, p) = (1, .9) (0, .8) (1, .7) (0, .3) (1, .2); P = 3.
const labels = Uint8Array.from([1, 0, 1, 0, 1]);
const probs = Float64Array.from([0.9, 0.8, 0.7, 0.3, 0.2]);

describe('chooseThreshold', () => {
  it('maximises F1, placing the threshold halfway below the chosen score', () => {
    // F1 = 2tp / (tp + fp + P) at >= .9, .8, .7, .3, .2: 2/4, 2/5, 4/6, 4/7, 6/8 -> best at .2,
    // the lowest score, so the threshold is halfway to 0.
    const choice = chooseThreshold({ labels, probs, objective: 'f1' });
    expect(choice.threshold).toBeCloseTo(0.1, 12);
    expect(choice.f1).toBeCloseTo(0.75, 12);
    expect(choice.confusion).toEqual({
      truePositive: 3,
      falsePositive: 2,
      trueNegative: 0,
      falseNegative: 0,
    });
  });

  it('minimises expected cost and prefers the highest threshold among ties', () => {
    // FN = FP = 1: cost 3 (none), 2 (>= .9), 3, 2 (>= .7), 3, 2 (>= .2) -> .9, threshold (.9 + .8) / 2.
    const choice = chooseThreshold({
      labels,
      probs,
      objective: 'cost',
      costs: { falseNegative: 1, falsePositive: 1 },
    });
    expect(choice.threshold).toBeCloseTo(0.85, 12);
    expect(choice.cost).toEqual({ total: 2, perRow: 0.4 });
  });

  it('flags everything positive when false negatives are expensive', () => {
    const choice = chooseThreshold({
      labels,
      probs,
      objective: 'cost',
      costs: { falseNegative: 10, falsePositive: 1 },
    });
    expect(choice.threshold).toBeLessThanOrEqual(0.2);
    expect(choice.cost?.total).toBe(2);
  });

  it('flags nothing when false positives are what costs', () => {
    // (y, p) = (0, .9) (1, .5) (0, .1), FN 0.1, FP 1: none 0.1, >= .9 1.1, >= .5 1, >= .1 2.
    const choice = chooseThreshold({
      labels: Uint8Array.from([0, 1, 0]),
      probs: Float64Array.from([0.9, 0.5, 0.1]),
      objective: 'cost',
      costs: { falseNegative: 0.1, falsePositive: 1 },
    });
    expect(choice.threshold).toBeCloseTo(0.95, 12);
    expect(choice.confusion.truePositive + choice.confusion.falsePositive).toBe(0);
  });

  it('finds the same optimum as checking every threshold directly', () => {
    let state = 11;
    const next = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    const y = Uint8Array.from({ length: 200 }, () => (next() < 0.4 ? 1 : 0));
    const p = Float64Array.from(y, (label) => Math.round((0.6 * next() + 0.4 * label) * 50) / 50);
    const choice = chooseThreshold({ labels: y, probs: p, objective: 'f1' });
    let best = 0;
    for (const t of new Set(p)) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      y.forEach((label, i) => {
        const positive = (p[i] ?? 0) >= t;
        if (positive && label === 1) tp++;
        else if (positive) fp++;
        else if (label === 1) fn++;
      });
      best = Math.max(best, (2 * tp) / (2 * tp + fp + fn));
    }
    expect(choice.f1).toBeCloseTo(best, 12);
  });

  it("requires costs for the 'cost' objective", () => {
    expect(() => chooseThreshold({ labels, probs, objective: 'cost' })).toThrow(/needs costs/);
  });
});
