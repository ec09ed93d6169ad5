/**
 * The parent run's record of the winner's fairness: `fairness.COLUMN.FIGURE` metrics and
 * `champion/fairness.json` as a run artifact (the model folder holds the same file).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { fairnessMetrics, type FairnessReport } from '../fairness/index.js';

export async function logFairness(options: {
  client: MlflowClient;
  runId: string;
  artifactUri: string;
  report: FairnessReport;
}): Promise<void> {
  const { client, report } = options;
  await client.runs.logBatch(options.runId, { metrics: fairnessMetrics(report) });
  const dir = await mkdtemp(join(tmpdir(), 'champion-fairness-'));
  try {
    await mkdir(join(dir, 'champion'));
    await writeFile(join(dir, 'champion', 'fairness.json'), `${JSON.stringify(report, null, 2)}\n`);
    await client.artifacts.uploadDirectory({
      artifactUri: options.artifactUri,
      localDir: dir,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
