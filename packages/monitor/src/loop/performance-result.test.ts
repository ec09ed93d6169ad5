import { PerformanceAccumulator, performanceReport } from '../performance/index.js';
import { performanceResult } from './performance-result.js';

function report(labelled: number) {
  const rows = new PerformanceAccumulator();
  for (let i = 0; i < 400; i++) {
    const probability = (i % 10) / 10;
    const actual = i < labelled ? (i % 10 >= 6 ? 1 : 0) : undefined;
    rows.add({ time: 1_000 * i, probability, predicted: probability >= 0.5 ? 1 : 0, actual });
  }
  return performanceReport(rows.rows(), { minLabels: 200 }).overall;
}

describe('performanceResult', () => {
  it('names measured figures as the trainer does, for policy floors', () => {
    const result = performanceResult(report(300));
    expect(result.labelled).toBe(300);
    expect(result.insufficient).toBeUndefined();
    expect(result.metrics['roc_auc']).toBeCloseTo(1);
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining([
        'roc_auc',
        'pr_auc',
        'f1',
        'label_coverage',
        'predicted_positive_rate',
      ]),
    );
    expect(result.metrics['label_coverage']).toBeCloseTo(0.75);
  });

  it('passes on too few labels as insufficient, with no label figures', () => {
    const result = performanceResult(report(50));
    expect(result.insufficient).toMatch(/insufficient labels \(50 of 200/);
    expect(result.metrics['roc_auc']).toBeUndefined();
    expect(result.metrics['predicted_positive_rate']).toBeCloseTo(0.5);
  });
});
