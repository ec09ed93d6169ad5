/**
 * The contract between learners, the in-memory predictor and the ONNX exporter.
 *
 * Learners see an `EncodedDataset`: one float32 column per feature. Numeric features hold the
 * value rounded to float32 (the precision the ONNX model receives), categorical features hold
 * the category's code (index into `FeatureSpec.categories`). Missing values AND categories not
 * seen in training are NaN: both follow the learned missing-value path. Training in float32
 * makes the in-memory model and the ONNX graph route every row identically.
 */

export interface FeatureSpec {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Categorical only: the categories seen in training, code = index. */
  readonly categories?: readonly string[];
}

export interface EncodedDataset {
  readonly features: readonly FeatureSpec[];
  readonly rowCount: number;
  /** One column per feature, `rowCount` long; NaN = missing (or unseen category). */
  readonly columns: readonly Float32Array[];
  /** 1 = positive class, 0 = negative. */
  readonly labels: Uint8Array;
  /** Optional per-row weights. */
  readonly weights?: Float32Array;
}

export type TreeNode = TreeLeaf | NumericSplit | CategoricalSplit;

/** `value` is the final contribution to the raw score (learning rate already applied). */
export interface TreeLeaf {
  readonly kind: 'leaf';
  readonly value: number;
}

/** Goes left when `x <= threshold` (threshold is a float32 value); NaN follows `missingLeft`. */
export interface NumericSplit {
  readonly kind: 'numeric';
  readonly feature: number;
  readonly threshold: number;
  readonly missingLeft: boolean;
  readonly gain: number;
  readonly left: TreeNode;
  readonly right: TreeNode;
}

/** Goes left when the category code is in `leftCategories`; NaN follows `missingLeft`. */
export interface CategoricalSplit {
  readonly kind: 'categorical';
  readonly feature: number;
  readonly leftCategories: readonly number[];
  readonly missingLeft: boolean;
  readonly gain: number;
  readonly left: TreeNode;
  readonly right: TreeNode;
}

/** probability = sigmoid(baseScore + sum of the leaf reached in every tree). */
export interface GbdtModel {
  readonly kind: 'gbdt';
  readonly features: readonly FeatureSpec[];
  readonly baseScore: number;
  readonly trees: readonly TreeNode[];
  /** The hyper-parameters the model was trained with, as logged to MLflow. */
  readonly params: Readonly<Record<string, number | string | boolean>>;
  /** Best iteration when early stopping fired (trees beyond it are already dropped). */
  readonly bestIteration: number;
}

export interface LogRegNumericTerm {
  readonly feature: number;
  /** Value used for NaN (the training mean). */
  readonly impute: number;
  readonly mean: number;
  /** Standard deviation used for scaling (1 for constant columns). */
  readonly scale: number;
  readonly weight: number;
}

export interface LogRegCategoricalTerm {
  readonly feature: number;
  /** Weight per category code (one-hot). */
  readonly weights: readonly number[];
  /** Weight applied for NaN (missing or unseen). */
  readonly missingWeight: number;
}

/**
 * probability = sigmoid(intercept + sum numeric weight * (x' - mean) / scale
 *               + sum categorical weights[code]), x' = impute if x is NaN.
 */
export interface LogRegModel {
  readonly kind: 'logreg';
  readonly features: readonly FeatureSpec[];
  readonly intercept: number;
  readonly numeric: readonly LogRegNumericTerm[];
  readonly categorical: readonly LogRegCategoricalTerm[];
  readonly params: Readonly<Record<string, number | string | boolean>>;
}

export type Model = GbdtModel | LogRegModel;
