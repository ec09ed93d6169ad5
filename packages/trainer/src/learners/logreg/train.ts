import type {
  EncodedDataset,
  LogRegCategoricalTerm,
  LogRegModel,
  LogRegNumericTerm,
} from '../../model/types.js';
import { buildDesign } from './design.js';
import { TrainerError } from '../../errors.js';
import { minimizeLbfgs } from './lbfgs.js';
import type { Logger } from './logger.js';
import { logisticObjective } from './objective.js';
import type { LogRegParams, LogRegParamsInput } from './params.js';
import { parseLogRegParams } from './params.js';

export interface TrainLogRegOptions {
  /** Hyper-parameters; omitted fields take their documented defaults. */
  readonly params?: LogRegParamsInput;
  readonly logger?: Logger;
}

function sampleWeights(dataset: EncodedDataset, params: LogRegParams): Float64Array {
  const { rowCount, labels } = dataset;
  let positives = 0;
  for (let i = 0; i < rowCount; i++) if (labels[i] === 1) positives++;
  if (positives === 0 || positives === rowCount) {
    throw new TrainerError(
      'DATA',
      `The training data has only ${positives === 0 ? 'negative' : 'positive'} labels (${rowCount} rows); a classifier needs both classes.`,
    );
  }
  // 'balanced' uses class counts (not weights), as scikit-learn's compute_class_weight does.
  const positiveFactor = params.class_weight === 'balanced' ? rowCount / (2 * positives) : 1;
  const negativeFactor =
    params.class_weight === 'balanced' ? rowCount / (2 * (rowCount - positives)) : 1;
  const weights = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const w = dataset.weights === undefined ? 1 : (dataset.weights[i] ?? NaN);
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new TrainerError(
        'DATA',
        `Row weight ${w} at row ${i} is not a finite non-negative number.`,
      );
    }
    weights[i] = w * (labels[i] === 1 ? positiveFactor : negativeFactor);
  }
  return weights;
}

/**
 * Fits an L2-penalised logistic regression with L-BFGS: numeric features are mean-imputed and
 * standardised, categorical ones one-hot encoded with a learned weight for "missing" when training
 * had missing values. Deterministic. Throws `TrainerError` (`CONFIG` for bad parameters, `DATA` for bad data).
 */
export function trainLogReg(train: EncodedDataset, options: TrainLogRegOptions = {}): LogRegModel {
  const params = parseLogRegParams(options.params);
  const weights = sampleWeights(train, params);
  const design = buildDesign(train);
  const objective = logisticObjective({ design, labels: train.labels, weights, C: params.C });
  const started = Date.now();
  const fit = minimizeLbfgs({
    objective,
    initial: new Float64Array(design.parameterCount),
    options: { maxIterations: params.max_iter, gradientTolerance: params.tol },
  });
  const meta = {
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    loss: fit.value,
    gradientNorm: fit.gradientNorm,
    reason: fit.reason,
    parameters: design.parameterCount,
    rows: train.rowCount,
    ms: Date.now() - started,
  };
  if (fit.converged) {
    options.logger?.debug('logistic regression converged', meta);
  } else {
    options.logger?.warn(
      `logistic regression stopped before converging (${fit.reason}); raise max_iter or tol, or check for extreme feature values`,
      meta,
    );
  }

  const beta = fit.x;
  const numeric: LogRegNumericTerm[] = design.numeric.map((enc, k) => ({
    feature: enc.feature,
    impute: enc.mean,
    mean: enc.mean,
    scale: enc.scale,
    weight: beta[1 + k] ?? 0,
  }));
  const categorical: LogRegCategoricalTerm[] = design.categorical.map((enc) => ({
    feature: enc.feature,
    weights: Array.from(beta.subarray(enc.offset, enc.offset + enc.categoryCount)),
    missingWeight: enc.missingIndex >= 0 ? (beta[enc.missingIndex] ?? 0) : 0,
  }));
  return {
    kind: 'logreg',
    features: train.features,
    intercept: beta[0] ?? 0,
    numeric,
    categorical,
    params: { ...params },
  };
}
