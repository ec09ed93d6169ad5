/**
 * The monitoring run's names, which the monitor writes and serving reads: a change here changes
 * both sides at once, and these cases say what each name is.
 */
import { columnMetricKey, monitoringExperiment, PERFORMANCE_METRICS } from './monitoring-run.js';

describe("the monitoring run's names", () => {
  it('put the monitoring runs of a model in NAME-monitoring', () => {
    expect(monitoringExperiment('credit-default')).toBe('credit-default-monitoring');
  });

  it('name a column drift metric drift.<column>, with what MLflow refuses in a key as _', () => {
    expect(columnMetricKey('age')).toBe('drift.age');
    expect(columnMetricKey('credit amount-2.x')).toBe('drift.credit amount-2.x');
    expect(columnMetricKey('credit/amount:€')).toBe('drift.credit_amount__');
    expect(columnMetricKey('..hidden')).toBe('drift._hidden');
    expect(columnMetricKey('Größe')).toBe('drift.Größe');
  });

  it('list the performance metrics once each', () => {
    expect(new Set(PERFORMANCE_METRICS).size).toBe(PERFORMANCE_METRICS.length);
  });
});
