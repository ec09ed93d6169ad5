import { PerformanceAccumulator } from './accumulator.js';
import { performanceMetrics } from './metrics.js';
import { performanceReport } from './report.js';
import { parseWindow } from './window.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

function twoDays(): PerformanceAccumulator {
  const acc = new PerformanceAccumulator();
  // Day 1: 4 served, 4 labelled (both classes). Day 2: 3 served, 1 labelled.
  acc.add({ time: T0 + 1000, probability: 0.9, predicted: 1, actual: 1 });
  acc.add({ time: T0 + 2000, probability: 0.2, predicted: 0, actual: 0 });
  acc.add({ time: T0 + 3000, probability: 0.6, predicted: 1, actual: 0 });
  acc.add({ time: T0 + 4000, probability: 0.4, predicted: 0, actual: 1 });
  acc.add({ time: T0 + DAY + 5, probability: 0.7, predicted: 1 });
  acc.add({ time: T0 + DAY + 6, probability: 0.1, predicted: 0, actual: 0 });
  acc.add({ time: T0 + DAY + 7, probability: 0.8, predicted: 1 });
  return acc;
}

describe('performanceReport', () => {
  it('counts served and labelled rows, coverage and the predicted rate per UTC day', () => {
    const report = performanceReport(twoDays().rows(), { minLabels: 2, windowMs: DAY });
    expect(report.windows.map((w) => [w.start, w.served, w.labelled, w.labelCoverage])).toEqual([
      ['2026-01-05T00:00:00.000Z', 4, 4, 1],
      ['2026-01-06T00:00:00.000Z', 3, 1, 1 / 3],
    ]);
    expect(report.windows[1]?.predictedPositiveRate).toBeCloseTo(2 / 3, 12);
    expect(report.windows[0]?.rocAuc).toEqual({ status: 'ok', value: 0.75 });
    expect(report.windows[1]?.rocAuc).toMatchObject({
      message: 'insufficient labels (1 of 2)',
    });
    expect(report.overall).toMatchObject({
      served: 7,
      labelled: 5,
      end: new Date(T0 + DAY + 7).toISOString(),
    });
  });

  it('has no windows unless asked, and an empty store gives empty figures, not an error', () => {
    const empty = performanceReport(new PerformanceAccumulator().rows());
    expect(empty.windows).toEqual([]);
    expect(empty.overall).toMatchObject({ served: 0, labelCoverage: null, start: null });
    expect(empty.overall.rocAuc).toMatchObject({ message: 'insufficient labels (0 of 200)' });
  });

  it('refuses a minimum of labels below 1', () => {
    expect(() => performanceReport(twoDays().rows(), { minLabels: 0 })).toThrow(/minLabels/);
  });

  it('flattens to MLflow metric names, leaving out figures without a number', () => {
    const report = performanceReport(twoDays().rows(), { minLabels: 5 });
    const metrics = performanceMetrics(report.overall);
    expect(metrics).toMatchObject({ served: 7, labelled: 5, label_coverage: 5 / 7 });
    expect(metrics.roc_auc).toBeDefined();
    const few = performanceMetrics(performanceReport(twoDays().rows()).overall);
    expect(few.roc_auc).toBeUndefined();
    expect(few.predicted_positive_rate).toBeCloseTo(4 / 7, 12);
  });
});

describe('PerformanceAccumulator', () => {
  it('grows past its first capacity and keeps every row', () => {
    const acc = new PerformanceAccumulator();
    for (let i = 0; i < 5000; i++)
      acc.add({ time: i, probability: (i % 100) / 100, predicted: 0, actual: (i % 2) as 0 | 1 });
    const rows = acc.rows();
    expect(rows.size).toBe(5000);
    expect(rows.probability[4999]).toBe(0.99);
    expect(rows.actual[4999]).toBe(1);
  });

  it('names the row and the value it refuses', () => {
    const acc = new PerformanceAccumulator();
    acc.add({ time: 0, probability: 0.5, predicted: 1 });
    expect(() => acc.add({ time: 0, probability: 1.5, predicted: 1 })).toThrow(
      'Served row 1: probability 1.5 is outside [0, 1].',
    );
    expect(() => acc.add({ time: NaN, probability: 0.5, predicted: 1 })).toThrow(/time NaN/);
  });
});

describe('parseWindow', () => {
  it('reads a number and a unit', () => {
    expect(parseWindow('1d')).toBe(DAY);
    expect(parseWindow('15m')).toBe(900_000);
    expect(parseWindow('1.5h')).toBe(5_400_000);
  });

  it('says how to write a window it cannot read', () => {
    expect(() => parseWindow('daily')).toThrow(/'daily' is not a duration.*e\.g\. 1d/);
    expect(() => parseWindow('0d')).toThrow(/not a duration/);
  });
});
