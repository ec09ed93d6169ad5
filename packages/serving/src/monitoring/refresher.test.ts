/**
 * The refresher around the MLflow read: it reads at start and on its interval, keeps the last
 * figures when MLflow cannot answer, shows nothing when there is no monitoring run, logs each
 * condition once (not once a refresh), never rejects, and stops reading when stopped. The source
 * here is a function standing for MLflow's answer; the MLflow read itself is tested against the
 * real server (test/monitoring-gauges.integration.test.ts).
 */
import { ServingMetrics } from '../http/metrics.js';
import { fakeRun } from '../http/test-support/fake-monitoring-run.js';
import type { Logger } from '../http/logger.js';
import type { LatestRun } from './latest-run.js';
import { MonitoringRefresher } from './refresher.js';

interface Logged {
  level: string;
  message: string;
  meta: Record<string, unknown>;
}

function recorder(): { logger: Logger; logged: Logged[] } {
  const logged: Logged[] = [];
  const at =
    (level: string) =>
    (message: string, meta: Record<string, unknown> = {}): void => {
      logged.push({ level, message, meta });
    };
  return {
    logged,
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
  };
}

function setup(options: {
  answer: () => Promise<LatestRun>;
  logger: Logger;
  intervalMs?: number;
}): { refresher: MonitoringRefresher; metrics: ServingMetrics; reads: () => number } {
  const metrics = new ServingMetrics({ defaultMetrics: false });
  let reads = 0;
  const refresher = new MonitoringRefresher({
    source: (name) => {
      reads++;
      expect(name).toBe('credit-default');
      return options.answer();
    },
    gauges: metrics.monitoring,
    modelName: () => 'credit-default',
    features: () => ['age'],
    intervalMs: options.intervalMs ?? 60_000,
    logger: options.logger,
  });
  return { refresher, metrics, reads: () => reads };
}

const driftShare = async (metrics: ServingMetrics): Promise<string | undefined> =>
  (await metrics.registry.metrics())
    .split('\n')
    .find((line) => line.startsWith('champion_monitor_drift_share'));

const RUN: LatestRun = { kind: 'run', run: fakeRun({ metrics: { drift_share: 0.25 } }) };

describe('the monitoring refresher', () => {
  it('keeps the last figures while MLflow fails, logging the failure once', async () => {
    const { logger, logged } = recorder();
    let down = false;
    const { refresher, metrics } = setup({
      logger,
      answer: () =>
        down ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.resolve(RUN),
    });
    await refresher.refresh();
    down = true;
    await refresher.refresh();
    await refresher.refresh();
    await refresher.stop();
    expect(await driftShare(metrics)).toBe('champion_monitor_drift_share 0.25');
    expect(logged.map((l) => [l.level, l.message])).toEqual([
      ['info', 'monitoring gauges: showing run'],
      ['warn', 'monitoring gauges: not refreshed, the last figures stay'],
    ]);
    expect(logged[1]?.meta).toMatchObject({ error: 'connect ECONNREFUSED' });
  });

  it('shows nothing when there is no monitoring run, and says so once', async () => {
    const { logger, logged } = recorder();
    let answer: LatestRun = RUN;
    const { refresher, metrics } = setup({ logger, answer: () => Promise.resolve(answer) });
    await refresher.refresh();
    answer = { kind: 'none', reason: 'no experiment credit-default-monitoring' };
    await refresher.refresh();
    await refresher.refresh();
    await refresher.stop();
    expect(await driftShare(metrics)).toBeUndefined();
    expect(logged.filter((l) => l.message === 'monitoring gauges: nothing to show')).toHaveLength(
      1,
    );
  });

  it('reads at start and again on its interval, and not after stop', async () => {
    const { logger } = recorder();
    const { refresher, reads } = setup({
      logger,
      answer: () => Promise.resolve(RUN),
      intervalMs: 20,
    });
    refresher.start();
    const end = Date.now() + 5000;
    while (reads() < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    await refresher.stop();
    const stoppedAt = reads();
    await new Promise((r) => setTimeout(r, 100));
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(reads()).toBe(stoppedAt);
  });

  it('warns once about the values it left out of a run', async () => {
    const { logger, logged } = recorder();
    const bad: LatestRun = { kind: 'run', run: fakeRun({ metrics: { drift_share: 7 } }) };
    const { refresher } = setup({ logger, answer: () => Promise.resolve(bad) });
    await refresher.refresh();
    await refresher.refresh();
    await refresher.stop();
    expect(logged).toEqual([
      {
        level: 'warn',
        message: 'monitoring gauges: values left out',
        meta: {
          model: 'credit-default',
          run_id: 'run1',
          problems: ['metric drift_share: 7 is out of range'],
        },
      },
    ]);
  });
});
