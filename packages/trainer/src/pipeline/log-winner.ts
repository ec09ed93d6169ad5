/**
 * The parent run's record of the outcome: the winner's test metrics, threshold and parity, each
 * learner's test ROC AUC, and tags naming the winner and the whole comparison.
 */
import type { MlflowClient } from 'mlflow-js-client';
import type { CandidateResult } from '../search/search.js';
import type { TrainedCandidate } from './train.js';

export async function logWinner(options: {
  client: MlflowClient;
  runId: string;
  winner: TrainedCandidate;
  models: readonly TrainedCandidate[];
  candidates: readonly CandidateResult[];
}): Promise<void> {
  const { client, runId, winner, models, candidates } = options;
  await client.runs.logBatch(runId, {
    metrics: [
      ...Object.entries(winner.evaluated.metrics).map(([key, value]) => ({
        key: `test_${key}`,
        value,
      })),
      { key: 'cv_roc_auc_mean', value: winner.cv.meanAuc },
      { key: 'threshold', value: winner.evaluated.threshold.threshold },
      { key: 'parity_max_abs_diff', value: winner.evaluated.parity.maxAbsDiff },
      ...models
        .map((m) => ({
          key: `test_roc_auc_${m.learner}`,
          value: m.evaluated.metrics['roc_auc'] ?? Number.NaN,
        }))
        .filter((m) => Number.isFinite(m.value)),
    ],
    tags: {
      'champion.winner.learner': winner.learner,
      'champion.winner.model_id': winner.modelId,
      'champion.winner.params': JSON.stringify(winner.cv.params),
      'champion.comparison': JSON.stringify(
        candidates.map((c) => ({
          learner: c.learner,
          params: c.params,
          cv_auc: Number(c.meanAuc.toFixed(5)),
        })),
      ).slice(0, 5000),
    },
  });
}
