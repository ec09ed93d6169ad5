import { averagePrecision, ksStatistic, prCurve, rocAuc, rocCurve } from './ranking.js';

// Five rows, scores descending: 0.9(+) 0.8(-) 0.7(+) 0.3(-) 0.2(+). P = 3, N = 2.
const labels = Uint8Array.from([1, 0, 1, 0, 1]);
const probs = Float64Array.from([0.9, 0.8, 0.7, 0.3, 0.2]);

/** Brute-force Mann–Whitney: share of (positive, negative) pairs ranked right, ties 1/2. */
function pairwiseAuc(y: Uint8Array, s: Float64Array): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      const a = s[i] ?? 0;
      const b = s[j] ?? 0;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

/** Deterministic pseudo-random numbers for property tests. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('rocAuc', () => {
  it('counts correctly ordered positive/negative pairs', () => {
    // 0.9 beats both negatives, 0.7 beats 0.3, 0.2 beats none: 3 of 6 pairs.
    expect(rocAuc({ labels, probs })).toBeCloseTo(0.5, 12);
  });

  it('is 1 for a perfect ranking and 0 for the reversed one', () => {
    const y = Uint8Array.from([0, 0, 0, 1, 1]);
    const s = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rocAuc({ labels: y, probs: s })).toBe(1);
    expect(rocAuc({ labels: y, probs: s.map((v) => 1 - v) })).toBe(0);
  });

  it('is 0.5 when every score is tied', () => {
    const y = Uint8Array.from([0, 1, 1, 0, 1]);
    expect(rocAuc({ labels: y, probs: new Float64Array(5).fill(0.3) })).toBe(0.5);
  });

  it('equals the pairwise definition on random data with many ties', () => {
    const next = lcg(7);
    const y = Uint8Array.from({ length: 300 }, () => (next() < 0.3 ? 1 : 0));
    const s = Float64Array.from({ length: 300 }, () => Math.round(next() * 20) / 20);
    expect(rocAuc({ labels: y, probs: s })).toBeCloseTo(pairwiseAuc(y, s), 12);
  });

  it('treats a weight of 2 like the row appearing twice', () => {
    const weights = Float64Array.from([1, 2, 1, 1, 1]);
    const duplicated = {
      labels: Uint8Array.from([...labels, 0]),
      probs: Float64Array.from([...probs, 0.8]),
    };
    expect(rocAuc({ labels, probs, weights })).toBeCloseTo(rocAuc(duplicated), 12);
  });

  it('accepts float32 probabilities', () => {
    expect(rocAuc({ labels, probs: Float32Array.from(probs) })).toBeCloseTo(0.5, 12);
  });

  it('refuses data with a single class', () => {
    expect(() =>
      rocAuc({ labels: Uint8Array.from([1, 1]), probs: Float64Array.from([0.2, 0.4]) }),
    ).toThrow(/no negative rows/);
  });

  it('refuses mismatched lengths', () => {
    expect(() => rocAuc({ labels, probs: Float64Array.from([0.1]) })).toThrow(
      /5 labels, 1 probabilities/,
    );
  });
});

describe('rocCurve', () => {
  it('starts at (0, 0) and steps through every distinct score', () => {
    const curve = rocCurve({ labels, probs });
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0.5, 0.5, 1, 1]);
    expect(Array.from(curve.tpr).map((v) => v * 3)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(Array.from(curve.thresholds)).toEqual([Infinity, 0.9, 0.8, 0.7, 0.3, 0.2]);
  });
});

describe('prCurve and averagePrecision', () => {
  it('lists precision and recall at each threshold after the (recall 0, precision 1) start', () => {
    const curve = prCurve({ labels, probs });
    // tp/fp at thresholds 0.9, 0.8, 0.7, 0.3, 0.2: 1/0, 1/1, 2/1, 2/2, 3/2.
    expect(Array.from(curve.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5, 0.6]);
    expect(Array.from(curve.recall)).toEqual([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1]);
  });

  it('sums precision times recall gained', () => {
    // Recall rises by 1/3 at 0.9 (precision 1), 0.7 (2/3) and 0.2 (3/5): (1 + 2/3 + 3/5) / 3 = 34/45.
    expect(averagePrecision({ labels, probs })).toBeCloseTo(34 / 45, 12);
  });

  it('is 1 for a perfect ranking', () => {
    const y = Uint8Array.from([0, 1, 0, 1]);
    expect(averagePrecision({ labels: y, probs: Float64Array.from([0.1, 0.9, 0.2, 0.8]) })).toBe(1);
  });
});

describe('ksStatistic', () => {
  it('is the largest gap between TPR and FPR', () => {
    // At threshold 0.9: TPR 1/3, FPR 0; no other threshold does better.
    expect(ksStatistic({ labels, probs })).toBeCloseTo(1 / 3, 12);
  });

  it('is 1 when the classes are perfectly separated', () => {
    const y = Uint8Array.from([0, 0, 1, 1]);
    expect(ksStatistic({ labels: y, probs: Float64Array.from([0.1, 0.2, 0.8, 0.9]) })).toBe(1);
  });
});
