import { z } from 'zod';

import { GbdtError } from './errors.js';

const int = (min: number) => z.number().int().min(min);
const fraction = () => z.number().gt(0).lte(1);
const nonNegative = () => z.number().min(0).finite();

/**
 * Hyper-parameters of the histogram GBDT (binary log loss). Names and defaults follow LightGBM
 * where LightGBM has the parameter; `n_estimators` is LightGBM's `num_iterations`.
 */
export const gbdtParamsSchema = z
  .object({
    /**
     * Maximum number of leaves per tree (trees grow best-first, leaf-wise).
     * @default 31
     */
    num_leaves: int(2).max(131072).default(31),
    /**
     * Maximum tree depth; `-1` (or any value <= 0) means no limit.
     * @default -1
     */
    max_depth: z.number().int().default(-1),
    /**
     * Shrinkage applied to every leaf value (already folded into `TreeLeaf.value`).
     * @default 0.1
     */
    learning_rate: z.number().gt(0).finite().default(0.1),
    /**
     * Number of boosting rounds (LightGBM `num_iterations`).
     * @default 100
     */
    n_estimators: int(1).default(100),
    /**
     * Maximum number of bins per feature, the missing-value bin included. Up to 255 bins are
     * stored as bytes; more use 16-bit storage.
     * @default 255
     */
    max_bin: int(3).max(65535).default(255),
    /**
     * Minimum number of sampled values in one bin when finding bin boundaries.
     * @default 3
     */
    min_data_in_bin: int(1).default(3),
    /**
     * Rows sampled (seeded) to find bin boundaries on large data.
     * @default 200000
     */
    bin_construct_sample_cnt: int(1).default(200000),
    /**
     * Minimum number of rows in a leaf.
     * @default 20
     */
    min_data_in_leaf: int(0).default(20),
    /**
     * Minimum sum of hessians in a leaf.
     * @default 1e-3
     */
    min_sum_hessian_in_leaf: nonNegative().default(1e-3),
    /**
     * L1 regularisation of leaf values.
     * @default 0
     */
    lambda_l1: nonNegative().default(0),
    /**
     * L2 regularisation of leaf values.
     * @default 0
     */
    lambda_l2: nonNegative().default(0),
    /**
     * Minimum gain for a split to be made.
     * @default 0
     */
    min_gain_to_split: nonNegative().default(0),
    /**
     * Share of features (chosen per tree, seeded) a tree may split on.
     * @default 1
     */
    feature_fraction: fraction().default(1),
    /**
     * Share of rows (seeded) each bagging round trains on; needs `bagging_freq > 0`.
     * @default 1
     */
    bagging_fraction: fraction().default(1),
    /**
     * Re-draw the bagging sample every `bagging_freq` rounds; 0 disables bagging.
     * @default 0
     */
    bagging_freq: int(0).default(0),
    /**
     * Stop when the validation log loss has not improved for this many rounds and keep only the
     * trees up to the best round; 0 disables early stopping. Needs a validation set.
     * @default 0
     */
    early_stopping_rounds: int(0).default(0),
    /**
     * Categorical splits (many categories): smoothing added to the hessian when ordering
     * categories by gradient/hessian, and the minimum row count for a category to take part.
     * @default 10
     */
    cat_smooth: nonNegative().default(10),
    /**
     * Extra L2 regularisation for categorical splits over many categories.
     * @default 10
     */
    cat_l2: nonNegative().default(10),
    /**
     * Maximum number of categories on the smaller side of a categorical split.
     * @default 32
     */
    max_cat_threshold: int(1).default(32),
    /**
     * Minimum number of rows per group of categories in a categorical split.
     * @default 100
     */
    min_data_per_group: int(1).default(100),
    /**
     * Features with at most this many categories use one-vs-rest splits.
     * @default 4
     */
    max_cat_to_onehot: int(1).default(4),
    /**
     * Weight multiplier of positive rows in the loss. Mutually exclusive with `is_unbalance`.
     * @default 1
     */
    scale_pos_weight: z.number().gt(0).finite().default(1),
    /**
     * Weight positive rows by (negative weight sum / positive weight sum).
     * @default false
     */
    is_unbalance: z.boolean().default(false),
    /**
     * When positives are up-weighted (`scale_pos_weight` != 1 or `is_unbalance`), subtract
     * `log(positive weight)` from the base score so probabilities estimate the true prior again
     * (the standard prior correction); `false` keeps the weighted-prior scores.
     * @default true
     */
    calibrate_to_prior: z.boolean().default(true),
    /**
     * Threads for histogram construction (worker_threads over SharedArrayBuffer): 1 =
     * single-threaded, 0 = automatic (up to 4, as many as there are cores, on >= 100k rows). The
     * model does not depend on it.
     * @default 0
     */
    num_threads: int(0).max(64).default(0),
  })
  .strict()
  .superRefine((params, ctx) => {
    if (params.is_unbalance && params.scale_pos_weight !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale_pos_weight'],
        message: 'cannot be combined with is_unbalance; set only one of them',
      });
    }
  });

/** Parameters as the caller may give them (every field optional). */
export type GbdtParamsInput = z.input<typeof gbdtParamsSchema>;
/** Parameters after defaults are applied. */
export type GbdtParams = z.output<typeof gbdtParamsSchema>;

/** Validates and defaults parameters; throws `GbdtError('invalid_params')` naming each bad field. */
export function parseGbdtParams(input: Partial<GbdtParams> | undefined): GbdtParams {
  const result = gbdtParamsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`)
      .join('; ');
    throw new GbdtError({
      code: 'invalid_params',
      message: `Invalid GBDT parameters (${problems}). Fix them and train again.`,
      cause: result.error,
    });
  }
  return result.data;
}
