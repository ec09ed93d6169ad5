/**
 * The candidate search of a training, each candidate logged as a child run of the parent with
 * its params and cross-validation figures. A half-logged candidate ends FAILED, never RUNNING.
 */
import type { MlflowClient } from 'mlflow-js-client';
import type { Learner } from '../learners/catalog.js';
import { ownerTags } from '../registry/owner.js';
import { runSearch, type CandidateResult } from '../search/search.js';
import type { PreparedData } from './prepare.js';
import { stringValues } from './string-values.js';
import type { TrainOptions } from './train.js';

export async function searchCandidates(options: {
  client: MlflowClient;
  experimentId: string;
  runId: string;
  options: TrainOptions;
  data: PreparedData;
  learners: readonly Learner[];
  folds: number;
}): Promise<CandidateResult[]> {
  const { data, learners, folds } = options;
  const train = options.options;
  const emit = train.onEvent;
  return runSearch({
    learners,
    train: data.train,
    valid: data.valid,
    folds,
    candidatesPerLearner: train.candidates ?? 6,
    timeBudgetSeconds: train.timeBudgetSeconds ?? 300,
    seed: train.data.seed,
    onStart: ({ learner, index, total }) =>
      emit?.({
        stage: 'search',
        message: `${learner} candidate ${index + 1}/${total}`,
        fraction: index / total,
      }),
    onCandidate: (result) => logCandidate({ ...options, result }),
  });
}

async function logCandidate(options: {
  client: MlflowClient;
  experimentId: string;
  runId: string;
  result: CandidateResult;
}): Promise<void> {
  const { client, result } = options;
  const child = await client.runs.create({
    experimentId: options.experimentId,
    runName: `${result.learner}-${result.index + 1}`,
    parentRunId: options.runId,
    tags: { 'champion.learner': result.learner, ...ownerTags() },
  });
  try {
    await client.runs.logBatch(child.info.run_id, {
      params: stringValues({ learner: result.learner, ...result.params }),
      metrics: [
        { key: 'cv_roc_auc_mean', value: result.meanAuc },
        { key: 'cv_roc_auc_std', value: result.stdAuc },
        { key: 'duration_seconds', value: result.seconds },
        ...result.foldAuc.map((value, step) => ({ key: 'cv_roc_auc_fold', value, step })),
        ...(result.bestIteration === undefined
          ? []
          : [{ key: 'best_iteration', value: result.bestIteration }]),
      ],
    });
  } catch (error) {
    await client.runs.finish(child.info.run_id, 'FAILED').catch(() => undefined);
    throw error;
  }
  await client.runs.finish(child.info.run_id);
}
