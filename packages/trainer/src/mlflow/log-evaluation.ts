/**
 * A published model's evaluation, recorded as MLflow 3 records one: a child run of the training
 * that takes the logged model and the test split as inputs and logs the test metrics linked to
 * both (`model_id`, `dataset_name`, `dataset_digest`), so the logged model carries its metrics and
 * its evaluation dataset (the experiment's Models tab, the model page's "Datasets used"). One run
 * per model keeps each run's metrics its own model's: MLflow logs a model's metric on the run too.
 *
 * The run is tagged `mlflow.runType: evaluation`, the tag MLflow's UI looks for to open a parent
 * run's row on a first visit, so the runs table shows the candidates beside the training run.
 */
import type { Dataset, MetricInput, MlflowClient } from 'mlflow-js-client';
import type { LearnerName } from '../learners/catalog.js';
import { ownerTags } from '../registry/owner.js';

/** MLflow's run-type tag and the value its UI expands parent rows for. */
export const EVALUATION_RUN_TAGS = { 'mlflow.runType': 'evaluation' } as const;

export interface LogEvaluationInput {
  readonly client: MlflowClient;
  readonly experimentId: string;
  readonly parentRunId: string;
  readonly learner: LearnerName;
  readonly modelId: string;
  /** The split the metrics were measured on, as logged with `log-inputs`. */
  readonly dataset: Dataset;
  /** Test-split metrics by name (logged as `test_<name>`, like the training run's). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Figures that were not measured on the test split (threshold, cross-validated AUC). */
  readonly figures: Readonly<Record<string, number>>;
}

function metricInputs(input: LogEvaluationInput): MetricInput[] {
  const link = { modelId: input.modelId };
  const dataset = { name: input.dataset.name, digest: input.dataset.digest };
  return [
    ...Object.entries(input.metrics).map(([key, value]) => ({
      key: `test_${key}`,
      value,
      ...link,
      dataset,
    })),
    ...Object.entries(input.figures).map(([key, value]) => ({ key, value, ...link })),
  ].filter((m) => Number.isFinite(m.value));
}

/** Logs the evaluation run of one logged model; returns the run id. */
export async function logEvaluation(input: LogEvaluationInput): Promise<string> {
  const { client } = input;
  const run = await client.runs.create({
    experimentId: input.experimentId,
    runName: `${input.learner}-test`,
    parentRunId: input.parentRunId,
    tags: { 'champion.learner': input.learner, ...EVALUATION_RUN_TAGS, ...ownerTags() },
  });
  const runId = run.info.run_id;
  try {
    await client.runs.logInputs({
      runId,
      datasets: [{ dataset: input.dataset, context: 'test' }],
      modelIds: [input.modelId],
    });
    await client.runs.logBatch(runId, {
      params: { learner: input.learner, model_id: input.modelId },
      metrics: metricInputs(input),
    });
  } catch (error) {
    // A half-logged evaluation must not look like a finished (or a still running) one.
    await client.runs.finish(runId, 'FAILED').catch(() => undefined);
    throw error;
  }
  await client.runs.finish(runId);
  return runId;
}
