/**
 * Retraining when the policy fires: the original training data plus the labelled production rows
 * (the newest held out), trained by the trainer's own pipeline (search, ONNX export, MLflow
 * logging, registration) with the champion's recorded fairness settings (`--sensitive`, the
 * fairness rules), gated on the held-out rows against `@champion` (the same rows for both),
 * promoted (`auto`) or left as `@challenger` awaiting approval (`approval`). The version's tags
 * name the monitoring run and the reason.
 */
import { join } from 'node:path';
import { train, type TrainEvent } from '@champion/trainer';
import type { MlflowClient } from 'mlflow-js-client';
import type { Policy } from '../policy/index.js';
import type { LabelledRow } from './ports.js';
import { writeRetrainingFile, type RetrainingFile } from './retraining-file.js';
import { MONITOR_TAGS } from './tags.js';
import { locateTrainingData } from './training-data.js';

/** What a retraining did, as the loop reports it. */
export type RetrainAction = 'retrained-promoted' | 'retrained-kept' | 'awaiting-approval';

export interface RetrainResult {
  readonly action: RetrainAction;
  /** The registered version (undefined when the model was identical to `@champion`: `unchanged`). */
  readonly version: string | undefined;
  /** The gate's decision tag, or `unchanged`. */
  readonly gate: string;
  readonly reasons: readonly string[];
  readonly file: RetrainingFile;
  readonly trainingRunId: string;
}

export interface RetrainOptions {
  readonly client: MlflowClient;
  readonly name: string;
  /** The `@champion` version whose training data is the base. */
  readonly champion: string;
  readonly policy: Policy;
  readonly rows: readonly LabelledRow[];
  readonly monitoringRunId: string;
  /** Why the policy fired (tagged on the version). */
  readonly reasons: readonly string[];
  /** Training data to use instead of the champion's recorded one. */
  readonly data?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onEvent?: ((event: TrainEvent) => void) | undefined;
}

function actionOf(gate: string, mode: Policy['mode']): RetrainAction {
  if (gate === 'promoted') return 'retrained-promoted';
  if (gate === 'awaiting-approval' && mode === 'approval') return 'awaiting-approval';
  return 'retrained-kept';
}

export async function retrain(options: RetrainOptions): Promise<RetrainResult> {
  const { client, name, policy } = options;
  const data = await locateTrainingData({
    client,
    name,
    version: options.champion,
    override: options.data,
  });
  const file = await writeRetrainingFile({
    data,
    rows: options.rows,
    holdoutShare: policy.retrain.holdoutShare,
    out: join(policy.retrain.dataDir, name, `${options.monitoringRunId}.csv`),
  });
  const summary = await train({
    client,
    name,
    data: {
      path: file.path,
      target: data.target,
      positive: data.positive,
      idColumns: data.idColumns,
      exclude: data.exclude,
      categorical: data.categorical,
      seed: data.seed,
      holdout: { fromRow: file.fromRow },
    },
    learners: policy.retrain.learners,
    candidates: policy.retrain.candidates,
    folds: policy.retrain.folds,
    timeBudgetSeconds: policy.retrain.timeBudgetSeconds,
    // The champion's fairness settings carry over: the same report, gated by the same rules.
    sensitive: data.fairness.sensitive,
    gate: { ...policy.gate, fairness: data.fairness.rules },
    hold: policy.mode === 'approval',
    tags: {
      [MONITOR_TAGS.runId]: options.monitoringRunId,
      [MONITOR_TAGS.reason]: options.reasons.join('\n').slice(0, 5000),
      [MONITOR_TAGS.baseData]: `${data.path} (training data of v${options.champion}) + ${file.added} labelled production rows, ${file.heldOut} held out`,
    },
    command: 'champion monitor run',
    signal: options.signal,
    onEvent: options.onEvent,
  });
  const gate =
    summary.unchanged !== undefined ? 'unchanged' : (summary.decision?.tag ?? 'unregistered');
  return {
    action: actionOf(gate, policy.mode),
    version: summary.version,
    gate,
    reasons: summary.decision?.reasons ?? [`identical to @champion v${summary.unchanged ?? '?'}`],
    file,
    trainingRunId: summary.runId,
  };
}
