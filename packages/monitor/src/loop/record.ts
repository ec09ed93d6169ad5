/**
 * Writing the monitoring run: created RUNNING with the window's params and tags, the figures as
 * metrics, the report as artifacts, the decision as tags, and only then FINISHED. Anything that
 * fails in between ends the run FAILED with the reason (never FINISHED with wrong figures), so
 * the decision state (history.ts) never reads it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  columnMetricKey,
  MONITORING_METRICS as M,
  MONITORING_REPORT_ARTIFACT,
} from '@champion/inference-store';
import { ownerTags } from '@champion/trainer';
import type { MetricInput, MlflowClient } from 'mlflow-js-client';
import type { DriftResult, PerformanceResult, Window } from './ports.js';
import { MONITOR_TAGS } from './tags.js';

function user(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

/** Starts the monitoring run of a window; returns its id and artifact root. */
export async function startMonitoringRun(options: {
  client: MlflowClient;
  experimentId: string;
  version: string;
  window: Window;
  explicitRange: boolean;
}): Promise<{ runId: string; artifactUri: string }> {
  const { client, window } = options;
  const run = await client.runs.create({
    experimentId: options.experimentId,
    runName: `monitor-${new Date().toISOString().slice(0, 19)}`,
    tags: {
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.name': 'champion monitor run',
      'mlflow.user': user(),
      // Whose run it is: another turn can tell a live retraining from a killed one (busy.ts).
      ...ownerTags(),
      [MONITOR_TAGS.modelVersion]: options.version,
      [MONITOR_TAGS.windowKind]: options.explicitRange ? 'range' : 'checkpoint',
      [MONITOR_TAGS.checkpoint]: window.checkpoint,
      [MONITOR_TAGS.fingerprint]: window.fingerprint,
    },
  });
  const runId = run.info.run_id;
  await client.runs.logBatch(runId, {
    params: {
      'window.from': window.from ?? '',
      'window.to': window.to ?? '',
      'window.rows': String(window.rows),
      'window.labelled': String(window.labelled),
      checkpoint: window.checkpoint.slice(0, 6000),
      fingerprint: window.fingerprint,
      model_version: options.version,
    },
  });
  return { runId, artifactUri: run.info.artifact_uri };
}

/** Logs the window's figures as metrics. */
export async function logFigures(options: {
  client: MlflowClient;
  runId: string;
  window: Window;
  drift: DriftResult;
  weightedShare: number | undefined;
  performance: PerformanceResult;
}): Promise<void> {
  const { window, drift, performance } = options;
  const metrics: MetricInput[] = [
    { key: M.windowRows, value: window.rows },
    { key: M.windowLabelled, value: window.labelled },
    { key: M.driftShare, value: drift.share },
    { key: M.driftColumnsDrifted, value: drift.columns.filter((c) => c.drifted).length },
    ...drift.columns.map((c) => ({ key: columnMetricKey(c.name), value: c.score })),
  ];
  if (options.weightedShare !== undefined)
    metrics.push({ key: M.driftShareWeighted, value: options.weightedShare });
  if (performance.insufficient === undefined)
    for (const [key, value] of Object.entries(performance.metrics))
      if (Number.isFinite(value)) metrics.push({ key, value });
  await options.client.runs.logBatch(options.runId, { metrics });
}

/** Uploads the JSON report (and the HTML one when there is one) beside MONITORING_REPORT_ARTIFACT. */
export async function logReports(options: {
  client: MlflowClient;
  artifactUri: string;
  report: unknown;
  html?: string | undefined;
}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'champion-monitor-'));
  try {
    const files = [join(dir, basename(MONITORING_REPORT_ARTIFACT))];
    await writeFile(files[0] as string, `${JSON.stringify(options.report, null, 2)}\n`);
    if (options.html !== undefined) {
      files.push(join(dir, 'report.html'));
      await writeFile(files[1] as string, options.html);
    }
    for (const localPath of files)
      await options.client.artifacts.uploadFile({
        artifactUri: options.artifactUri,
        localPath,
        artifactPath: dirname(MONITORING_REPORT_ARTIFACT),
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ends a monitoring run that failed: FAILED (KILLED when aborted), the reason as a tag. */
export async function failMonitoringRun(options: {
  client: MlflowClient;
  runId: string;
  error: unknown;
  aborted: boolean;
}): Promise<void> {
  const { client, runId, error, aborted } = options;
  const reason = error instanceof Error ? error.message : String(error);
  await client.runs.setTag(runId, 'champion.failure', reason.slice(0, 5000)).catch(() => undefined);
  await client.runs.finish(runId, aborted ? 'KILLED' : 'FAILED').catch(() => undefined);
}
