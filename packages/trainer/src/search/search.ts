/**
 * Hyper-parameter search: every candidate of every learner is scored by stratified k-fold
 * cross-validation on the training split (or, for large data, on the validation split alone),
 * within a time budget. Candidates are reported as they finish so the caller can log each as a
 * child run. The search never looks at the test split.
 */
import type { EncodedDataset, Model } from '../model/types.js';
import { rocAuc } from '../metrics/index.js';
import { stratifiedKFold, takeRows } from '../split/index.js';
import type { Learner, LearnerName } from '../learners/catalog.js';
import { randomCandidates, type Params } from './space.js';

export interface CandidateResult {
  readonly learner: LearnerName;
  readonly index: number;
  readonly params: Params;
  /** ROC AUC per fold (one entry for holdout validation). */
  readonly foldAuc: readonly number[];
  readonly meanAuc: number;
  readonly stdAuc: number;
  readonly seconds: number;
  /** Trees kept by early stopping, averaged over folds (GBDT only). */
  readonly bestIteration?: number;
  /**
   * With holdout validation (folds <= 1) the candidate's model was fitted on the training split
   * with early stopping on the validation split: exactly the refit, kept so it is not redone.
   */
  readonly model?: Model;
}

export interface SearchOptions {
  readonly learners: readonly Learner[];
  readonly train: EncodedDataset;
  readonly valid: EncodedDataset;
  /** Folds for CV; 1 = holdout on `valid`. */
  readonly folds: number;
  /** Candidates per learner at most. */
  readonly candidatesPerLearner: number;
  /** Stop starting new candidates after this many seconds (each learner gets at least one). */
  readonly timeBudgetSeconds: number;
  readonly seed: number;
  readonly onCandidate?: (result: CandidateResult) => Promise<void> | void;
  readonly onStart?: (info: { learner: LearnerName; index: number; total: number }) => void;
}

function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

function scoreCandidate(options: { learner: Learner; params: Params; search: SearchOptions }): {
  foldAuc: number[];
  bestIteration?: number;
  model?: Model;
} {
  const { learner, params, search } = options;
  const foldAuc: number[] = [];
  const iterations: number[] = [];
  const splits =
    search.folds <= 1
      ? [{ train: search.train, valid: search.valid }]
      : stratifiedKFold({
          labels: search.train.labels,
          folds: search.folds,
          seed: search.seed,
        }).map((fold) => ({
          train: takeRows(search.train, fold.train),
          valid: takeRows(search.train, fold.validation),
        }));
  let last: Model | undefined;
  for (const split of splits) {
    const model = learner.fit(split.train, { params, valid: split.valid, seed: search.seed });
    last = model;
    foldAuc.push(
      rocAuc({ labels: split.valid.labels, probs: learner.predict(model, split.valid) }),
    );
    if (model.kind === 'gbdt') iterations.push(model.bestIteration);
  }
  const holdout = splits.length === 1 && last ? { model: last } : {};
  return iterations.length > 0
    ? {
        foldAuc,
        bestIteration: iterations.reduce((a, b) => a + b, 0) / iterations.length,
        ...holdout,
      }
    : { foldAuc, ...holdout };
}

/** Runs the search; results in the order they ran. */
export async function runSearch(search: SearchOptions): Promise<CandidateResult[]> {
  const started = performance.now();
  const results: CandidateResult[] = [];
  const queues = search.learners.map((learner, i) => ({
    learner,
    candidates: randomCandidates({
      space: learner.space,
      count: search.candidatesPerLearner,
      seed: search.seed + i,
    }),
  }));
  // Interleave learners so a short budget still tries the defaults of every learner.
  const longest = Math.max(...queues.map((q) => q.candidates.length));
  for (let index = 0; index < longest; index++) {
    for (const { learner, candidates } of queues) {
      const params = candidates[index];
      if (!params) continue;
      const elapsed = (performance.now() - started) / 1000;
      if (index > 0 && elapsed > search.timeBudgetSeconds) continue;
      search.onStart?.({ learner: learner.name, index, total: candidates.length });
      const t0 = performance.now();
      const scored = scoreCandidate({ learner, params, search });
      const { mean, std } = meanStd(scored.foldAuc);
      const result: CandidateResult = {
        learner: learner.name,
        index,
        params,
        foldAuc: scored.foldAuc,
        meanAuc: mean,
        stdAuc: std,
        seconds: (performance.now() - t0) / 1000,
        ...(scored.bestIteration === undefined ? {} : { bestIteration: scored.bestIteration }),
        ...(scored.model ? { model: scored.model } : {}),
      };
      results.push(result);
      await search.onCandidate?.(result);
    }
  }
  return results;
}

/** The best candidate per learner and overall, by mean CV AUC. */
export function bestCandidates(results: readonly CandidateResult[]): {
  overall: CandidateResult;
  perLearner: CandidateResult[];
} {
  const perLearner = new Map<LearnerName, CandidateResult>();
  for (const r of results) {
    const best = perLearner.get(r.learner);
    if (!best || r.meanAuc > best.meanAuc) perLearner.set(r.learner, r);
  }
  const all = [...perLearner.values()];
  const overall = all.reduce((a, b) => (b.meanAuc > a.meanAuc ? b : a));
  return { overall, perLearner: all };
}
