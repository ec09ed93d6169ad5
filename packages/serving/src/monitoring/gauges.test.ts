/**
 * The monitoring run → /metrics mapping: what a Prometheus scrape shows for a run's figures, and
 * what it never shows (a 0 before any run, features outside the served schema, metric names
 * outside the contract's list, values MLflow sent out of range).
 */
import { ServingMetrics } from '../http/metrics.js';
import { monitoringFigures } from './figures.js';
import { fakeRun } from '../http/test-support/fake-monitoring-run.js';

const FEATURES = ['age', 'income', 'credit/amount'];

/** The champion_monitor_ samples of a scrape (a set: their order means nothing to Prometheus). */
async function scrape(metrics: ServingMetrics): Promise<Set<string>> {
  const text = await metrics.registry.metrics();
  return new Set(text.split('\n').filter((line) => line.startsWith('champion_monitor_')));
}

function show(run: Parameters<typeof monitoringFigures>[0]): ServingMetrics {
  const metrics = new ServingMetrics({ defaultMetrics: false });
  metrics.monitoring.show(monitoringFigures(run, FEATURES));
  return metrics;
}

const MONITORING_RUN = fakeRun({
  endTime: 1_760_000_123_000,
  metrics: {
    window_rows: 3000,
    window_labelled: 2500,
    drift_share: 0.8,
    drift_columns_drifted: 4,
    'drift.age': 0.003,
    'drift.income': 0.41,
    'drift.credit_amount': 1.7,
    roc_auc: 0.81,
    f1: 0.62,
    label_coverage: 0.8333,
  },
  tags: { 'champion.monitor.fired': 'true', 'champion.monitor.action': 'retrained-promoted' },
});

describe('the monitoring gauges on /metrics', () => {
  it('show the figures of a monitoring run', async () => {
    expect(await scrape(show(MONITORING_RUN))).toEqual(
      new Set([
        'champion_monitor_drift_share 0.8',
        'champion_monitor_feature_drift{feature="age"} 0.003',
        'champion_monitor_feature_drift{feature="income"} 0.41',
        'champion_monitor_feature_drift{feature="credit/amount"} 1.7',
        'champion_monitor_performance{metric="roc_auc"} 0.81',
        'champion_monitor_performance{metric="f1"} 0.62',
        'champion_monitor_performance{metric="label_coverage"} 0.8333',
        'champion_monitor_window_rows 3000',
        'champion_monitor_window_labelled 2500',
        'champion_monitor_retrain_fired 1',
        'champion_monitor_last_run_timestamp_seconds 1760000123',
      ]),
    );
  });

  it('show nothing before a monitoring run is read, not a 0 that reads as "no drift"', async () => {
    const text = await new ServingMetrics({ defaultMetrics: false }).registry.metrics();
    expect(text).not.toContain('champion_monitor_');
  });

  it('label only the served features and the contract metrics, whatever else the run logged', async () => {
    const run = fakeRun({
      metrics: {
        'drift.not_a_feature': 0.5,
        'drift.age': 0.2,
        accuracy: 0.9,
        drift_share_weighted: 0.3,
        ['x'.repeat(200)]: 1,
      },
      tags: { 'champion.monitor.fired': 'false' },
    });
    expect(await scrape(show(run))).toEqual(
      new Set([
        'champion_monitor_feature_drift{feature="age"} 0.2',
        'champion_monitor_retrain_fired 0',
        'champion_monitor_last_run_timestamp_seconds 1760000000',
      ]),
    );
  });

  it('leave out values MLflow sent out of range, and name each', async () => {
    const run = fakeRun({
      metrics: {
        drift_share: 1.5,
        'drift.age': -1,
        'drift.income': Number.NaN,
        roc_auc: Number.POSITIVE_INFINITY,
        f1: 0.5,
        window_rows: 10.5,
        window_labelled: 3,
      },
      tags: { 'champion.monitor.fired': 'yes' },
    });
    const figures = monitoringFigures(run, FEATURES);
    expect(figures.problems).toEqual([
      'metric drift.age: -1 is out of range',
      'metric drift.income: NaN is out of range',
      'metric roc_auc: Infinity is out of range',
      'metric window_rows: 10.5 is out of range',
      'metric drift_share: 1.5 is out of range',
      'tag champion.monitor.fired: not true or false',
    ]);
    expect(await scrape(show(run))).toEqual(
      new Set([
        'champion_monitor_performance{metric="f1"} 0.5',
        'champion_monitor_window_labelled 3',
        'champion_monitor_last_run_timestamp_seconds 1760000000',
      ]),
    );
  });

  it('refuse more labelled rows than rows', () => {
    const run = fakeRun({ metrics: { window_rows: 5, window_labelled: 6 } });
    const figures = monitoringFigures(run, FEATURES);
    expect(figures).toMatchObject({ windowRows: 5, windowLabelled: undefined });
    expect(figures.problems).toEqual(["metric window_labelled: more than the window's rows"]);
  });

  it('read neither of two features whose metric keys collide', () => {
    const run = fakeRun({ metrics: { 'drift.a_b': 0.2, 'drift.age': 0.1 } });
    const figures = monitoringFigures(run, ['a/b', 'a:b', 'age']);
    expect([...figures.featureDrift]).toEqual([['age', 0.1]]);
  });

  it('replace one run by the next: a figure the next run lacks disappears', async () => {
    const metrics = show(MONITORING_RUN);
    const next = fakeRun({ runId: 'run2', metrics: { window_rows: 10, drift_share: 0 } });
    metrics.monitoring.show(monitoringFigures(next, FEATURES));
    expect(await scrape(metrics)).toEqual(
      new Set([
        'champion_monitor_drift_share 0',
        'champion_monitor_window_rows 10',
        'champion_monitor_last_run_timestamp_seconds 1760000000',
      ]),
    );
    metrics.monitoring.clear();
    expect(await scrape(metrics)).toEqual(new Set());
  });
});
