/**
 * Acceptance (issue 14, item 4): serving's /metrics shows the figures of the latest FINISHED
 * monitoring run of the model it serves, against the real MLflow: nothing before a monitoring run
 * exists (readiness unaffected), the figures once a run shaped like `champion monitor run`'s is
 * logged into `NAME-monitoring` (named by the contract in @champion/inference-store), never those
 * of a run still RUNNING or FAILED; and with MLflow unreachable, serving stays ready, shows no
 * figures and logs the failure once.
 */
import { join } from 'node:path';
import {
  MONITORING_METRICS,
  MONITORING_RUN_TAGS,
  columnMetricKey,
  monitoringExperiment,
} from '@champion/inference-store';
import type { MlflowClient } from 'mlflow-js-client';
import type { Logger } from '../src/http/logger.js';
import { FakeHost } from '../src/http/test-support/fake-host.js';
import { noopSink } from '../src/http/inference-sink.js';
import { startServer, type RunningServer } from '../src/server.js';
import {
  freePort,
  impatientClient,
  integrationClient,
  registerFixtureChampion,
  tempDir,
  uniqueName,
} from '@champion/trainer/test-support';
import { servedModel, testConfig } from './serving-fixtures.js';

const REFRESH_MS = 200;

/** A logger keeping what was logged (JSON-able fields, as winston would print them). */
function recordingLogger(): { logger: Logger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => void lines.push({ level, message });
  return {
    lines,
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
  };
}

async function monitorLines(url: string): Promise<string[]> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('champion_monitor_'));
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("serving's monitoring gauges", () => {
  const name = uniqueName('gauges');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let server: RunningServer;
  let features: string[];
  const log = recordingLogger();

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('gauges');
    await registerFixtureChampion({ client, name, dir: join(tmp.dir, 'model') });
    server = await startServer({
      config: { ...testConfig({ name, dir: tmp.dir }), monitorRefreshMs: REFRESH_MS },
      client,
      logger: log.logger,
    });
    features = (await servedModel(server.host)).features.map((f) => f.name);
  }, 60_000);
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  /** Logs a run shaped like a monitoring run, ending in `status`. */
  async function logMonitoringRun(options: {
    experimentId: string;
    driftShare: number;
    status: 'FINISHED' | 'FAILED' | 'RUNNING';
  }): Promise<string> {
    const run = await client.runs.create({
      experimentId: options.experimentId,
      tags: { [MONITORING_RUN_TAGS.fired]: 'true', [MONITORING_RUN_TAGS.action]: 'cooldown' },
    });
    const runId = run.info.run_id;
    await client.runs.logBatch(runId, {
      params: { 'window.rows': '3000', 'window.labelled': '2400' },
      metrics: [
        { key: MONITORING_METRICS.windowRows, value: 3000 },
        { key: MONITORING_METRICS.windowLabelled, value: 2400 },
        { key: MONITORING_METRICS.driftShare, value: options.driftShare },
        ...features.map((f, i) => ({ key: columnMetricKey(f), value: (i + 1) / 100 })),
        { key: columnMetricKey('not_a_served_feature'), value: 0.5 },
        { key: 'roc_auc', value: 0.77 },
        { key: 'label_coverage', value: 0.8 },
        { key: 'accuracy', value: 0.9 },
      ],
    });
    if (options.status !== 'RUNNING') await client.runs.finish(runId, options.status);
    return runId;
  }

  it('shows nothing before any monitoring run, says so once, and stays ready', async () => {
    await sleep(REFRESH_MS * 4);
    expect(await monitorLines(server.url)).toEqual([]);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const said = log.lines.filter((l) => l.message === 'monitoring gauges: nothing to show');
    expect(said).toHaveLength(1);
  });

  it("shows the latest finished monitoring run's figures after a refresh", async () => {
    const experiment = await client.experiments.getOrCreate({ name: monitoringExperiment(name) });
    const experimentId = experiment.experiment_id;
    await logMonitoringRun({ experimentId, driftShare: 0.75, status: 'FINISHED' });
    // Newer runs that must not count: one still running, one failed.
    await logMonitoringRun({ experimentId, driftShare: 0.1, status: 'RUNNING' });
    await logMonitoringRun({ experimentId, driftShare: 0.2, status: 'FAILED' });
    await until(
      async () => (await monitorLines(server.url)).includes('champion_monitor_drift_share 0.75'),
      10_000,
    );
    await sleep(REFRESH_MS * 2);
    const lines = await monitorLines(server.url);
    expect(lines).toEqual(
      expect.arrayContaining([
        'champion_monitor_drift_share 0.75',
        'champion_monitor_window_rows 3000',
        'champion_monitor_window_labelled 2400',
        'champion_monitor_retrain_fired 1',
        'champion_monitor_performance{metric="roc_auc"} 0.77',
        'champion_monitor_performance{metric="label_coverage"} 0.8',
        ...features.map(
          (f, i) => `champion_monitor_feature_drift{feature="${f}"} ${(i + 1) / 100}`,
        ),
      ]),
    );
    expect(lines.join('\n')).not.toMatch(/not_a_served_feature|accuracy/);
    const stamp = lines.find((l) => l.startsWith('champion_monitor_last_run_timestamp_seconds'));
    const seconds = Number(stamp?.split(' ')[1]);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(60);
    expect(lines).toHaveLength(7 + features.length);
  });
});

describe("serving's monitoring gauges while MLflow is unreachable", () => {
  it('keeps serving ready, shows no figures and logs the failure once', async () => {
    const log = recordingLogger();
    const down = impatientClient(`http://127.0.0.1:${await freePort()}`);
    const server = await startServer({
      config: {
        ...testConfig({ name: 'credit-default', dir: '/nonexistent' }),
        monitorRefreshMs: 100,
      },
      host: new FakeHost(),
      client: down,
      sink: noopSink,
      logger: log.logger,
    });
    try {
      await until(() => Promise.resolve(log.lines.some((l) => l.level === 'warn')), 10_000);
      await sleep(500);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(await monitorLines(server.url)).toEqual([]);
      expect(log.lines.filter((l) => l.message.startsWith('monitoring gauges'))).toEqual([
        { level: 'warn', message: 'monitoring gauges: not refreshed, the last figures stay' },
      ]);
    } finally {
      await server.shutdown();
      await down.close();
    }
  });
});
