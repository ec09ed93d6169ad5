import { createRng } from '@champion/tabular';
import { bootstrapIntervals } from './bootstrap.js';

const n = 400;
const decisions = {
  labels: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  predicted: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)),
};
const rows = Uint32Array.from({ length: n }, (_, i) => i);

function intervals(seed: number, resamples = 200): ReturnType<typeof bootstrapIntervals> {
  return bootstrapIntervals({ decisions, rows, resamples, level: 0.95, rng: createRng(seed) });
}

describe('bootstrapIntervals', () => {
  it('gives the same intervals for the same seed', () => {
    expect(intervals(7)).toEqual(intervals(7));
  });

  it('gives other intervals for another seed', () => {
    expect(intervals(7)).not.toEqual(intervals(8));
  });

  it('brackets the selection rate of the rows (0.25) with a narrow interval', () => {
    const [lo = NaN, hi = NaN] = intervals(7).selection_rate ?? [];
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBeGreaterThan(0.25);
    // Normal approximation: ±1.96·sqrt(0.25·0.75/400) ≈ ±0.042.
    expect(hi - lo).toBeGreaterThan(0.05);
    expect(hi - lo).toBeLessThan(0.12);
  });

  it('has no TPR interval for rows without positives', () => {
    const negatives = Uint32Array.from({ length: 50 }, (_, i) => i * 3 + 1);
    const result = bootstrapIntervals({
      decisions,
      rows: negatives,
      resamples: 20,
      level: 0.95,
      rng: createRng(1),
    });
    expect(result.tpr).toBeNull();
    expect(result.fpr).not.toBeNull();
  });
});
