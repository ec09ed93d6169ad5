import {
  chiSquareTest,
  jensenShannonCategorical,
  zTest,
  type CategoryCounts,
} from './categorical.js';
import { histogram, jensenShannon, sturgesEdges, wasserstein } from './distances.js';
import { compressSample, sampleFromValues } from './sample.js';

const counts = (entries: Record<string, number>, numeric = false): CategoryCounts => {
  const map = new Map(Object.entries(entries));
  let total = 0;
  for (const c of map.values()) total += c;
  return { counts: map, total, numeric };
};

describe('distances', () => {
  it('Wasserstein of a shifted sample is the shift, and counts change nothing', () => {
    const a = sampleFromValues([1, 2, 2, 3, 7]);
    const b = sampleFromValues([3, 4, 4, 5, 9]);
    expect(wasserstein(a, b)).toBeCloseTo(2, 12);
    expect(wasserstein(compressSample(a), b)).toBeCloseTo(2, 12);
    expect(wasserstein(a, a)).toBe(0);
  });

  it('Jensen-Shannon is 0 for equal shares and sqrt(ln 2) for disjoint ones', () => {
    expect(jensenShannon([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 12);
  });

  it('Sturges bins cover both samples with ceil(log2 n + 1) bins, the last one closed', () => {
    const a = sampleFromValues(Array.from({ length: 60 }, (_, i) => i));
    const b = sampleFromValues(Array.from({ length: 68 }, (_, i) => i + 10));
    const edges = sturgesEdges(a, b);
    expect(edges.length - 1).toBe(Math.ceil(Math.log2(128) + 1));
    expect(edges[0]).toBe(0);
    expect(edges[edges.length - 1]).toBe(77);
    const bins = histogram(b, edges);
    expect(bins.reduce((s, c) => s + c, 0)).toBe(68);
  });
});

describe('category tests', () => {
  it('chi-square: p = 1 for proportional counts, small for a shift', () => {
    expect(
      chiSquareTest(counts({ a: 10, b: 20, c: 30 }), counts({ a: 20, b: 40, c: 60 })),
    ).toBeCloseTo(1, 12);
    expect(
      chiSquareTest(counts({ a: 100, b: 100, c: 100 }), counts({ a: 200, b: 50, c: 50 })),
    ).toBeLessThan(1e-6);
  });

  it('chi-square: a category the reference never had is certain drift', () => {
    expect(chiSquareTest(counts({ a: 10, b: 10 }), counts({ a: 10, b: 10, new: 1 }))).toBe(0);
  });

  it('Z-test: 1 for one shared value, symmetric in the sides, small for a large change', () => {
    expect(zTest(counts({ yes: 5 }), counts({ yes: 9 }))).toBe(1);
    const a = counts({ no: 70, yes: 30 });
    const b = counts({ no: 40, yes: 60 });
    expect(zTest(a, b)).toBeCloseTo(zTest(b, a), 14);
    expect(zTest(a, b)).toBeLessThan(1e-4);
  });

  it('Jensen-Shannon over categories is 0 for equal shares', () => {
    expect(jensenShannonCategorical(counts({ a: 1, b: 3 }), counts({ a: 10, b: 30 }))).toBeCloseTo(
      0,
      7,
    );
  });
});
