/**
 * `trainGbdt`: LightGBM-style histogram gradient boosting for binary log loss. Deterministic for a
 * seed and independent of the thread count (bin sampling, bagging and feature sampling draw from
 * seeded streams; a leaf's histogram is summed in row chunks that depend on its size alone).
 */
import { availableParallelism } from 'node:os';

import type { EncodedDataset, GbdtModel, TreeNode } from '../../model/types.js';
import type { BinMapper } from './binning.js';
import { binDataset, buildBinMappers } from './binning.js';
import { checkBothClasses, checkDataset, checkSameFeatures } from './dataset-checks.js';
import { GbdtError } from './errors.js';
import { createSerialBuilder, histogramSlotSize } from './histogram.js';
import type { HistogramBuilder } from './histogram.js';
import type { Logger } from './logger.js';
import { computeGradients, initScore, logLoss } from './objective.js';
import type { ParallelBuilder } from './parallel.js';
import { startParallelBuilder } from './parallel.js';
import type { GbdtParams } from './params.js';
import { parseGbdtParams } from './params.js';
import { addTreesRaw } from './predict.js';
import { createRng } from './rng.js';
import { drawBag, drawFeatures } from './sampling.js';
import { toModelTree } from './to-model-tree.js';
import { addTreeToScores } from './train-scores.js';
import type { LearnerSetup, Workspace } from './tree-learner.js';
import { growTree } from './tree-learner.js';

/** Training rows from which `num_threads: 0` uses worker threads. */
export const AUTO_PARALLEL_MIN_ROWS = 100_000;

/** Reported after every boosting round. */
export interface GbdtIterationInfo {
  /** 1-based round number. */
  readonly iteration: number;
  /** Training log loss of the model so far (data weights, true labels, prior-corrected scores). */
  readonly trainLoss: number;
  /** Validation log loss, when a validation set was given. */
  readonly validLoss?: number;
  /** Best round so far by validation loss (or the current round without validation). */
  readonly bestIteration: number;
  readonly elapsedMs: number;
}

export interface TrainGbdtOptions {
  readonly params?: Partial<GbdtParams>;
  /** Validation set for early stopping and `validLoss`. */
  readonly valid?: EncodedDataset;
  /** @default 0 */
  readonly seed?: number;
  readonly onIteration?: (info: GbdtIterationInfo) => void;
  readonly logger?: Logger;
}

function rowWeights(data: EncodedDataset, posWeight: number): Float64Array {
  const w = new Float64Array(data.rowCount);
  for (let i = 0; i < data.rowCount; i++) {
    w[i] = (data.weights?.[i] ?? 1) * (data.labels[i] === 1 ? posWeight : 1);
  }
  return w;
}

function positiveWeight(data: EncodedDataset, params: GbdtParams): number {
  if (!params.is_unbalance) return params.scale_pos_weight;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < data.rowCount; i++) {
    const w = data.weights?.[i] ?? 1;
    if (data.labels[i] === 1) pos += w;
    else neg += w;
  }
  return pos > 0 ? neg / pos : 1;
}

/** Most threads automatic mode uses (histogram building is memory-bound beyond a few cores). */
const AUTO_MAX_THREADS = 4;

/**
 * Automatic mode uses worker threads on large data only (below, a hand-off costs more than a
 * leaf's histogram). It does not look at the machine's load: workers only claim row chunks when
 * the OS runs them, so a busy machine costs little (measured), and the thread count never changes
 * the model (see parallel.ts).
 */
function threadCount(params: GbdtParams, rowCount: number): number {
  if (params.num_threads > 0) return params.num_threads;
  if (rowCount < AUTO_PARALLEL_MIN_ROWS) return 1;
  return Math.max(1, Math.min(AUTO_MAX_THREADS, availableParallelism()));
}

function sharedFloat64(length: number, shared: boolean): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(length * 8) : new ArrayBuffer(length * 8));
}

function sharedInt32(length: number, shared: boolean): Int32Array {
  return new Int32Array(shared ? new SharedArrayBuffer(length * 4) : new ArrayBuffer(length * 4));
}

interface Machinery {
  readonly setup: LearnerSetup;
  readonly gradHess: Float64Array;
  readonly candidates: Int32Array;
  readonly parallel: ParallelBuilder | undefined;
}

function prepare(options: {
  train: EncodedDataset;
  params: GbdtParams;
  mappers: BinMapper[];
  logger: Logger | undefined;
}): Machinery {
  const { train, params, mappers, logger } = options;
  const threads = threadCount(params, train.rowCount);
  const shared = threads > 1;
  const matrix = binDataset(train, { mappers, shared });
  const n = train.rowCount;
  const slotSize = histogramSlotSize(matrix);
  const workspace: Workspace = {
    rows: sharedInt32(n, shared),
    scratch: new Int32Array(n),
    hist: sharedFloat64(params.num_leaves * slotSize, shared),
    slotSize,
  };
  const gradHess = sharedFloat64(2 * n, shared);
  let parallel: ParallelBuilder | undefined;
  if (shared) {
    parallel = startParallelBuilder({
      shared: { ...workspace, matrix, gradHess },
      threads,
    });
    if (parallel === undefined)
      logger?.warn('GBDT worker threads could not start; training single-threaded');
  }
  const builder: HistogramBuilder = parallel ?? createSerialBuilder(matrix);
  // Features with a single value bin can never split.
  const candidates = Int32Array.from(
    mappers.flatMap((m, f) => ((m.kind === 'numeric' ? m.numBins > 2 : m.numBins > 1) ? [f] : [])),
  );
  const setup: LearnerSetup = {
    matrix,
    mappers,
    numLeaves: params.num_leaves,
    maxDepth: params.max_depth,
    workspace,
    builder,
    split: {
      lambdaL1: params.lambda_l1,
      lambdaL2: params.lambda_l2,
      minDataInLeaf: params.min_data_in_leaf,
      minSumHessianInLeaf: params.min_sum_hessian_in_leaf,
      minGainToSplit: params.min_gain_to_split,
      catSmooth: params.cat_smooth,
      catL2: params.cat_l2,
      maxCatThreshold: params.max_cat_threshold,
      minDataPerGroup: params.min_data_per_group,
      maxCatToOnehot: params.max_cat_to_onehot,
    },
  };
  return { setup, gradHess, candidates, parallel };
}

/**
 * Trains a binary classifier. Positive up-weighting (`scale_pos_weight`, `is_unbalance`) changes
 * the loss; with `calibrate_to_prior` (default) the model's `baseScore` is shifted by
 * `-log(positive weight)` so that `sigmoid(raw)` estimates the true-prior probability.
 */
export function trainGbdt(train: EncodedDataset, options: TrainGbdtOptions = {}): GbdtModel {
  const started = Date.now();
  const params = parseGbdtParams(options.params);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) {
    throw new GbdtError({
      code: 'invalid_params',
      message: `seed must be an integer, got ${seed}.`,
    });
  }
  const { valid, logger, onIteration } = options;
  checkDataset(train, 'training');
  if (valid !== undefined) {
    checkDataset(valid, 'validation');
    checkSameFeatures(train, valid);
  }
  if (params.early_stopping_rounds > 0 && valid === undefined) {
    throw new GbdtError({
      code: 'invalid_params',
      message: 'early_stopping_rounds needs a validation set: pass options.valid or set it to 0.',
    });
  }
  const posWeight = positiveWeight(train, params);
  const weights = rowWeights(train, posWeight);
  checkBothClasses(train.labels, weights);
  const init = initScore(train.labels, weights);
  const baseScore = params.calibrate_to_prior ? init - Math.log(posWeight) : init;

  const mappers = buildBinMappers(train, {
    maxBin: params.max_bin,
    minDataInBin: params.min_data_in_bin,
    sampleCount: params.bin_construct_sample_cnt,
    rng: createRng(seed),
  });
  const m = prepare({ train, params, mappers, logger });
  logger?.info('GBDT training started', {
    rows: train.rowCount,
    features: train.features.length,
    threads: m.parallel?.threads ?? 1,
    binningMs: Date.now() - started,
  });
  try {
    const bagRng = createRng(seed + 1);
    const featureRng = createRng(seed + 2);
    const bagging = params.bagging_freq > 0 && params.bagging_fraction < 1;
    const score = new Float64Array(train.rowCount).fill(init);
    const validScore =
      valid === undefined ? undefined : new Float64Array(valid.rowCount).fill(baseScore);
    const trees: TreeNode[] = [];
    let bag: Int32Array | undefined;
    let inBag: Uint8Array | undefined;
    let bestLoss = Infinity;
    let bestIteration = 0;
    for (let iter = 0; iter < params.n_estimators; iter++) {
      computeGradients({ score, labels: train.labels, weights, gradHess: m.gradHess });
      if (bagging && iter % params.bagging_freq === 0) {
        bag = drawBag({ rowCount: train.rowCount, fraction: params.bagging_fraction, rng: bagRng });
        inBag = new Uint8Array(train.rowCount);
        for (const r of bag) inBag[r] = 1;
      }
      const features = drawFeatures({
        candidates: m.candidates,
        fraction: params.feature_fraction,
        rng: featureRng,
      });
      const built = growTree(m.setup, { gradHess: m.gradHess, bag, features });
      if (built.nodes.length === 0) {
        logger?.info('GBDT stopped: no leaf meets the split requirements', { iteration: iter + 1 });
        break;
      }
      addTreeToScores({
        tree: built,
        rows: m.setup.workspace.rows,
        score,
        shrinkage: params.learning_rate,
        matrix: m.setup.matrix,
        inBag,
      });
      const tree = toModelTree(built, { mappers, learningRate: params.learning_rate });
      trees.push(tree);
      let validLoss: number | undefined;
      if (valid !== undefined && validScore !== undefined) {
        addTreesRaw({ trees: [tree], data: valid, out: validScore });
        validLoss = logLoss({ score: validScore, labels: valid.labels, weights: valid.weights });
        if (validLoss < bestLoss) {
          bestLoss = validLoss;
          bestIteration = iter + 1;
        }
      } else bestIteration = iter + 1;
      if (onIteration !== undefined) {
        const trainLoss = logLoss({
          score,
          labels: train.labels,
          weights: train.weights,
          offset: baseScore - init,
        });
        onIteration({
          iteration: iter + 1,
          trainLoss,
          ...(validLoss === undefined ? {} : { validLoss }),
          bestIteration,
          elapsedMs: Date.now() - started,
        });
      }
      if (
        params.early_stopping_rounds > 0 &&
        iter + 1 - bestIteration >= params.early_stopping_rounds
      ) {
        logger?.info('GBDT early stopping', {
          iteration: iter + 1,
          bestIteration,
          bestValidLoss: bestLoss,
        });
        break;
      }
    }
    const kept = params.early_stopping_rounds > 0 ? trees.slice(0, bestIteration) : trees;
    logger?.info('GBDT training finished', { trees: kept.length, elapsedMs: Date.now() - started });
    return {
      kind: 'gbdt',
      features: train.features,
      baseScore,
      trees: kept,
      params: { ...params, seed },
      bestIteration: kept.length,
    };
  } finally {
    m.parallel?.close();
  }
}
