/**
 * champion/explainer.json: what the runtime needs to explain a model's scores, saved with the
 * model. Trees: every tree's nodes in pre-order (a child's index is always greater than its
 * parent's) with the number of training rows reaching each node (its cover, what path-dependent
 * TreeSHAP weighs the paths a feature does not decide with). Linear: the logistic regression's
 * terms and each term's mean over the training rows (the expected value a term is measured
 * against). The runtime validates the file (runtime/src/explain/explainer-file.ts); this module
 * only builds it.
 */
import type { EncodedDataset, FeatureSpec, GbdtModel, LogRegModel, Model } from '../model/types.js';
import { flatTree, type FlatExplainerTree } from './flat-tree.js';
import { treeCovers } from './covers.js';

export const EXPLAINER_FORMAT = 'champion-explainer';
export const EXPLAINER_VERSION = 1;

export interface ExplainerFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  /** Categorical: category names, code = index (the codes the splits and weights use). */
  readonly categories?: readonly string[];
}

export interface TreeExplainerDoc {
  readonly format: typeof EXPLAINER_FORMAT;
  readonly version: typeof EXPLAINER_VERSION;
  readonly kind: 'trees';
  readonly features: readonly ExplainerFeature[];
  /** Raw score every row starts from (log-odds). */
  readonly base_score: number;
  /** Rows whose counts the covers are. */
  readonly rows: number;
  /** Each tree with its covers: rows of `rows` reaching each node. */
  readonly trees: readonly (FlatExplainerTree & { readonly cover: readonly number[] })[];
}

export type LinearTermDoc =
  | {
      readonly feature: number;
      readonly type: 'numeric';
      readonly impute: number;
      readonly mean: number;
      readonly scale: number;
      readonly weight: number;
      /** Mean of the term's value over the training rows. */
      readonly expected: number;
    }
  | {
      readonly feature: number;
      readonly type: 'categorical';
      readonly weights: readonly number[];
      readonly missing_weight: number;
      readonly expected: number;
    };

export interface LinearExplainerDoc {
  readonly format: typeof EXPLAINER_FORMAT;
  readonly version: typeof EXPLAINER_VERSION;
  readonly kind: 'linear';
  readonly features: readonly ExplainerFeature[];
  readonly intercept: number;
  readonly rows: number;
  readonly terms: readonly LinearTermDoc[];
}

export type ExplainerDoc = TreeExplainerDoc | LinearExplainerDoc;

function features(specs: readonly FeatureSpec[]): ExplainerFeature[] {
  return specs.map((f) =>
    f.kind === 'categorical'
      ? { name: f.name, type: 'categorical', categories: [...(f.categories ?? [])] }
      : { name: f.name, type: 'numeric' },
  );
}

function treesDoc(model: GbdtModel, train: EncodedDataset): TreeExplainerDoc {
  return {
    format: EXPLAINER_FORMAT,
    version: EXPLAINER_VERSION,
    kind: 'trees',
    features: features(model.features),
    base_score: model.baseScore,
    rows: train.rowCount,
    trees: model.trees.map((tree) => {
      const flat = flatTree(tree);
      return { ...flat, cover: Array.from(treeCovers({ tree: flat, data: train })) };
    }),
  };
}

function mean(values: Float32Array, term: (x: number) => number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += term(values[i] ?? NaN);
  return values.length === 0 ? 0 : sum / values.length;
}

function linearDoc(model: LogRegModel, train: EncodedDataset): LinearExplainerDoc {
  const column = (feature: number): Float32Array =>
    train.columns[feature] ?? new Float32Array(train.rowCount).fill(NaN);
  const numeric = model.numeric.map((t): LinearTermDoc => {
    const value = (x: number): number =>
      (t.weight * ((Number.isNaN(x) ? t.impute : x) - t.mean)) / t.scale;
    const { feature, impute, mean: m, scale, weight } = t;
    const expected = mean(column(feature), value);
    return { feature, type: 'numeric', impute, mean: m, scale, weight, expected };
  });
  const categorical = model.categorical.map((t): LinearTermDoc => {
    const value = (code: number): number =>
      (Number.isInteger(code) ? t.weights[code] : undefined) ?? t.missingWeight;
    return {
      feature: t.feature,
      type: 'categorical',
      weights: [...t.weights],
      missing_weight: t.missingWeight,
      expected: mean(column(t.feature), value),
    };
  });
  return {
    format: EXPLAINER_FORMAT,
    version: EXPLAINER_VERSION,
    kind: 'linear',
    features: features(model.features),
    intercept: model.intercept,
    rows: train.rowCount,
    terms: [...numeric, ...categorical],
  };
}

/**
 * The explainer document of `model`, with covers / term means from `train` (the rows the model
 * was fitted on, in the model's encoding).
 */
export function buildExplainerDoc(model: Model, train: EncodedDataset): ExplainerDoc {
  return model.kind === 'gbdt' ? treesDoc(model, train) : linearDoc(model, train);
}
