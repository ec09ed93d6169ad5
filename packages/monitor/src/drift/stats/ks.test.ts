import { kolmogorovSf } from './kolmogorov.js';
import { ksStatistic, ksTwoSample, roundHalfEven } from './ks.js';
import { compressSample, sampleFromValues } from './sample.js';

const sample = (values: number[]) => sampleFromValues(values);
const range = (n: number, scale: number, shift = 0) =>
  Array.from({ length: n }, (_, i) => i / scale + shift);

describe('two-sample Kolmogorov-Smirnov', () => {
  it('gives scipy ks_2samp p-values (exact and asymptotic branches)', () => {
    // scipy.stats.ks_2samp, computed once
    const exactUnequal = ksTwoSample(sample(range(10, 1, 1)), sample(range(12, 1, 3.5)));
    expect(exactUnequal.pValue).toBeCloseTo(0.23373839782508513, 10);
    const exactEqual = ksTwoSample(sample([1, 2, 3, 4, 5]), sample([6, 7, 8, 9, 10]));
    expect(exactEqual.pValue).toBeCloseTo(0.007936507936507936, 12);
    const asymptotic = ksTwoSample(sample(range(1000, 1000)), sample(range(20000, 20000, 0.03)));
    expect(asymptotic.pValue).toBeCloseTo(0.3131399879269694, 8);
  });

  it('is 1 for identical samples and shrinks as the samples move apart', () => {
    const a = sample(range(300, 300));
    expect(ksTwoSample(a, a).pValue).toBe(1);
    let previous = 1;
    for (const shift of [0.02, 0.05, 0.1, 0.2]) {
      const p = ksTwoSample(a, sample(range(400, 400, shift))).pValue;
      expect(p).toBeLessThan(previous);
      previous = p;
    }
  });

  it('gives the same result from distinct values with counts as from raw rows', () => {
    const raw = sample([1, 1, 1, 2, 2, 3, 5, 5, 5, 5, 8]);
    const other = sample([1, 2, 2, 2, 3, 3, 4, 6, 7]);
    expect(ksTwoSample(compressSample(raw), other)).toEqual(ksTwoSample(raw, other));
    expect(ksStatistic(raw, other)).toBeCloseTo(ksStatistic(other, raw), 15);
  });

  it('rounds half to even like numpy', () => {
    expect([0.5, 1.5, 2.5, 2.4, -0.5].map(roundHalfEven)).toEqual([0, 2, 2, 2, -0]);
  });
});

describe('Kolmogorov distribution (scipy kstwo.sf)', () => {
  it.each([
    [100, 0.05, 0.9532159710635725],
    [100, 0.2, 0.0005551927327988775],
    [1000, 0.03, 0.3226902143914636],
    [1000, 0.06, 0.001428597887952891],
    [50000, 0.004, 0.3994316646755731],
    [200000, 0.003, 0.0545369786611305],
  ])('n=%d x=%d', (n, x, expected) => {
    expect(Math.abs(kolmogorovSf(n, x) - expected)).toBeLessThan(1e-9);
  });

  it('is a survival function: 1 at 0, 0 at 1, decreasing', () => {
    expect(kolmogorovSf(500, 0)).toBe(1);
    expect(kolmogorovSf(500, 1)).toBe(0);
    let previous = 1;
    for (let x = 0.01; x < 0.3; x += 0.01) {
      const p = kolmogorovSf(500, x);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
  });
});
