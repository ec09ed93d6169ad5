/**
 * What `champion promote` gates a registered version's fairness with: the rules its training
 * recorded (run params, fairness/settings.ts) unless the caller gives its own, and the fairness
 * report its model folder holds (`champion/fairness.json`, written by `train --sensitive`).
 * The report is the one measured on the candidate's test split at training; it is not
 * recomputed on the `--data` rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fairnessReportSchema, type FairnessReport } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { TrainerError } from '../errors.js';
import { hasFairnessRules, type FairnessRules } from '../fairness/rules.js';
import { readFairnessSettings } from '../fairness/settings.js';

async function reportIn(modelDir: string): Promise<FairnessReport | undefined> {
  const file = join(modelDir, 'champion', 'fairness.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // trained without --sensitive
  }
  const parsed = fairnessReportSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new TrainerError(
      'CONFIG',
      `the model's champion/fairness.json is not a fairness report: ${parsed.error.issues[0]?.message ?? '?'}`,
    );
  return parsed.data;
}

/** The rules to apply (given ones win over recorded ones) and the candidate's report. */
export async function recordedFairness(options: {
  client: MlflowClient;
  runId: string | undefined;
  modelDir: string;
  given: FairnessRules | undefined;
}): Promise<{ rules: FairnessRules; report: FairnessReport | undefined }> {
  const report = await reportIn(options.modelDir);
  if (hasFairnessRules(options.given)) return { rules: options.given ?? {}, report };
  if (options.runId === undefined || options.runId === '') return { rules: {}, report };
  const run = await options.client.runs.get(options.runId);
  const params = new Map(run.data.params.map((p) => [p.key, p.value]));
  return { rules: readFairnessSettings(params, options.runId).rules, report };
}
