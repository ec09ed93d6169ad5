import { createRng } from '@champion/tabular';
import { PerformanceAccumulator } from './accumulator.js';
import { estimatedPerformance } from './estimated.js';
import { labelFigures, type Figure } from './figures.js';
import { performanceMetrics } from './metrics.js';
import { performanceReport } from './report.js';

const value = (figure: Figure): number => {
  if (figure.status !== 'ok') throw new Error(figure.message);
  return figure.value;
};

describe('estimatedPerformance (CBPE)', () => {
  it('counts a row scored p as p of a positive and 1 − p of a negative', () => {
    const e = estimatedPerformance({
      probability: Float64Array.from([0.8, 0.2]),
      predicted: Uint8Array.from([1, 0]),
    });
    // Expected TP 0.8, FP 0.2, FN 0.2, TN 0.8.
    expect(value(e.precision)).toBeCloseTo(0.8, 12);
    expect(value(e.recall)).toBeCloseTo(0.8, 12);
    expect(value(e.f1)).toBeCloseTo(0.8, 12);
    // 0.8 × 0.8 ranked right, plus half of the two ties (0.8 × 0.2 and 0.2 × 0.8).
    expect(value(e.rocAuc)).toBeCloseTo(0.8, 12);
    expect(e.note).toMatch(/^estimated from the probabilities alone/);
  });

  it('lands near the realised figures when labels follow calibrated probabilities', () => {
    const rng = createRng(21);
    const n = 20_000;
    const probability = new Float64Array(n);
    const actual = new Uint8Array(n);
    const predicted = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      probability[i] = rng.next();
      actual[i] = rng.next() < (probability[i] ?? 0) ? 1 : 0;
      predicted[i] = (probability[i] ?? 0) >= 0.5 ? 1 : 0;
    }
    const estimated = estimatedPerformance({ probability, predicted });
    const realised = labelFigures({ probability, predicted, actual }, { minLabels: 1, bins: 10 });
    for (const key of ['rocAuc', 'prAuc', 'precision', 'recall', 'f1'] as const)
      expect({ key, gap: Math.abs(value(estimated[key]) - value(realised[key])) < 0.015 }).toEqual({
        key,
        gap: true,
      });
  });

  it('gives no estimate when no row can be a positive', () => {
    const e = estimatedPerformance({
      probability: Float64Array.from([0, 0]),
      predicted: Uint8Array.from([0, 0]),
    });
    expect(e.rocAuc).toMatchObject({ status: 'insufficient' });
    expect(e.f1.status === 'insufficient' && e.f1.message).toContain('no estimate (2 rows served');
  });

  it('is in a report (and its metrics, prefixed estimated_) only when asked for', () => {
    const acc = new PerformanceAccumulator();
    acc.add({ time: 0, probability: 0.9, predicted: 1 });
    acc.add({ time: 1, probability: 0.3, predicted: 0 });
    expect(performanceReport(acc.rows()).overall.estimated).toBeUndefined();
    const report = performanceReport(acc.rows(), { estimate: true, windowMs: 1000 });
    expect(report.overall.estimated?.method).toBe('cbpe');
    expect(report.windows[0]?.estimated?.method).toBe('cbpe');
    const metrics = performanceMetrics(report.overall);
    expect(metrics.estimated_f1).toBeCloseTo(
      value(report.overall.estimated?.f1 ?? { status: 'ok', value: NaN }),
      12,
    );
    expect(metrics.f1).toBeUndefined();
  });
});
