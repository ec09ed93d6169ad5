/**
 * What the monitoring page reads from MLflow: the latest FINISHED monitoring runs of the served
 * model (names from @champion/inference-store, the monitor's contract), oldest first, with their
 * drift and performance metrics and decision tags, and the newest run's JSON report (histograms,
 * per-column drift details), size-bounded and zod-checked.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MONITORING_REPORT_ARTIFACT,
  MONITORING_RUN_TAGS,
  monitoringExperiment,
} from '@champion/inference-store';
import type { MlflowClient, Run } from 'mlflow-js-client';
import { z } from 'zod';
import { MAX_UI_FILE_BYTES } from './model-files.js';

/** How many monitoring runs the page charts. */
export const MAX_MONITORING_RUNS = 30;

export interface MonitoringPoint {
  readonly runId: string;
  readonly startedAt: number | undefined;
  readonly metrics: ReadonlyMap<string, number>;
  readonly modelVersion: string | undefined;
  readonly fired: string | undefined;
  readonly action: string | undefined;
  readonly reasons: readonly string[];
}

const histogramSchema = z.object({
  labels: z.array(z.string()).max(200),
  reference: z.array(z.number()).max(200),
  current: z.array(z.number()).max(200),
});
export type ReportHistogram = z.infer<typeof histogramSchema>;

export const reportSchema = z
  .object({
    drift: z
      .object({
        columns: z
          .array(
            z
              .object({
                name: z.string(),
                method: z.string(),
                score: z.number(),
                threshold: z.number(),
                drifted: z.boolean(),
              })
              .loose(),
          )
          .max(10_000),
      })
      .loose()
      .nullable()
      .optional(),
    performance: z
      .object({ labelled: z.number(), insufficient: z.string().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    histograms: z
      .object({
        columns: z.record(z.string(), histogramSchema),
        score: histogramSchema.nullable().optional(),
      })
      .optional(),
  })
  .loose();
export type MonitoringReport = z.infer<typeof reportSchema>;

export type MonitoringView =
  | { readonly kind: 'none'; readonly reason: string }
  | {
      readonly kind: 'runs';
      readonly points: readonly MonitoringPoint[];
      readonly report: MonitoringReport | undefined;
      readonly reportProblem: string | undefined;
    };

function pointOf(run: Run): MonitoringPoint {
  const tags = new Map(run.data.tags.map((t) => [t.key, t.value]));
  const reasons = tags.get(MONITORING_RUN_TAGS.reasons);
  return {
    runId: run.info.run_id,
    startedAt: run.info.start_time,
    metrics: new Map(run.data.metrics.map((m) => [m.key, m.value])),
    modelVersion: tags.get(MONITORING_RUN_TAGS.modelVersion),
    fired: tags.get(MONITORING_RUN_TAGS.fired),
    action: tags.get(MONITORING_RUN_TAGS.action),
    reasons: reasons === undefined || reasons === '' ? [] : reasons.split('\n'),
  };
}

async function readReport(
  client: MlflowClient,
  run: Run,
): Promise<{ report?: MonitoringReport; problem?: string }> {
  const listed = await client.artifacts.list({
    artifactUri: run.info.artifact_uri,
    path: MONITORING_REPORT_ARTIFACT.split('/')[0] ?? '',
  });
  const file = listed.find((f) => f.path === MONITORING_REPORT_ARTIFACT);
  if (file === undefined) return { problem: 'the latest run has no JSON report' };
  if ((file.fileSize ?? 0) > MAX_UI_FILE_BYTES)
    return {
      problem: `the latest run's report is ${file.fileSize} bytes, more than the page reads`,
    };
  const dir = await mkdtemp(join(tmpdir(), 'champion-ui-'));
  try {
    const path = await client.artifacts.download({
      artifactUri: run.info.artifact_uri,
      path: MONITORING_REPORT_ARTIFACT,
      destDir: dir,
    });
    const parsed = reportSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success
      ? { report: parsed.data }
      : {
          problem: `the latest run's report is not as expected: ${parsed.error.issues[0]?.message ?? ''}`,
        };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the monitoring view of `modelName`; throws when MLflow cannot answer. */
export async function readMonitoringView(
  client: MlflowClient,
  modelName: string,
): Promise<MonitoringView> {
  const name = monitoringExperiment(modelName);
  const experiment = await client.experiments.findByName(name);
  if (experiment === undefined || experiment.lifecycle_stage === 'deleted')
    return { kind: 'none', reason: `no experiment ${name} yet` };
  const page = await client.runs.searchPage({
    experimentIds: [experiment.experiment_id],
    filter: "attributes.status = 'FINISHED'",
    orderBy: ['attributes.start_time DESC'],
    maxResults: MAX_MONITORING_RUNS,
  });
  const runs = page.items.filter(
    (r) => r.info.experiment_id === experiment.experiment_id && r.info.status === 'FINISHED',
  );
  const newest = runs[0];
  if (newest === undefined) return { kind: 'none', reason: `no finished run in ${name} yet` };
  let read: { report?: MonitoringReport; problem?: string };
  try {
    read = await readReport(client, newest);
  } catch (error) {
    read = {
      problem: `the latest report could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return {
    kind: 'runs',
    points: runs.map(pointOf).reverse(),
    report: read.report,
    reportProblem: read.problem,
  };
}
