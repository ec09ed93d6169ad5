/**
 * The learners champion searches over, behind one interface: a default search space, a fit that
 * takes params and an optional validation set (for early stopping), and an in-memory predictor.
 */
import type { EncodedDataset, Model } from '../model/types.js';
import type { ParamSpace, Params } from '../search/space.js';
import { trainGbdt, predictProba as gbdtProba } from './gbdt/index.js';
import { trainLogReg, predictProba as logregProba } from './logreg/index.js';

export type LearnerName = 'gbdt' | 'logreg';

export interface Learner {
  readonly name: LearnerName;
  /** Space searched by default; first values are the defaults tried first. */
  readonly space: ParamSpace;
  fit(
    train: EncodedDataset,
    options: { params: Params; valid?: EncodedDataset; seed: number },
  ): Model;
  predict(model: Model, data: EncodedDataset): Float64Array;
}

const gbdt: Learner = {
  name: 'gbdt',
  space: {
    num_leaves: [31, 15, 63],
    learning_rate: [0.05, 0.1],
    min_data_in_leaf: [20, 100],
    feature_fraction: [0.9, 0.7],
    lambda_l2: [0, 1, 10],
  },
  fit(train, { params, valid, seed }) {
    // Early stopping needs a validation set; without one the fixed tree count applies. Large
    // data gets fewer rounds and earlier stopping so a default search finishes in minutes.
    const large = train.rowCount > 200_000;
    const withStopping = valid
      ? { n_estimators: large ? 300 : 1000, early_stopping_rounds: large ? 20 : 50, ...params }
      : { n_estimators: 200, ...params };
    return trainGbdt(train, { params: withStopping, seed, ...(valid ? { valid } : {}) });
  },
  predict(model, data) {
    if (model.kind !== 'gbdt') throw new Error('gbdt learner given a non-gbdt model');
    return gbdtProba(model, data);
  },
};

const logreg: Learner = {
  name: 'logreg',
  space: { C: [1, 0.1, 0.01, 10], class_weight: ['none', 'balanced'] },
  fit(train, { params }) {
    return trainLogReg(train, { params });
  },
  predict(model, data) {
    if (model.kind !== 'logreg') throw new Error('logreg learner given a non-logreg model');
    return logregProba(model, data);
  },
};

export const LEARNERS: Readonly<Record<LearnerName, Learner>> = { gbdt, logreg };
