/**
 * The fairness report (`champion/fairness.json` in the model folder, `champion fairness --json`):
 * the one contract between the trainer that writes it, the CLI that prints it and the model card
 * (serving) that shows it; here because every one of them imports @champion/tabular. Every figure a group cannot have (TPR without positives, ROC AUC with one class)
 * is null, never NaN.
 */
import { z } from 'zod';

const rate = z.number().min(0).max(1);
const nullableRate = rate.nullable();
/** A percentile bootstrap interval, [low, high]; null when no resample defined the figure. */
const interval = z.tuple([z.number(), z.number()]).nullable();

export const calibrationBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int().nonnegative(),
  mean_predicted: rate,
  observed_rate: rate,
});

export const groupFairnessSchema = z.object({
  count: z.number().int().nonnegative(),
  /** Share of the group's rows whose true label is the positive class. */
  positive_rate: rate,
  /** Share predicted positive at the model's threshold. */
  selection_rate: rate,
  /** Of the group's positives, the share predicted positive (null without positives). */
  tpr: nullableRate,
  /** Of the group's negatives, the share predicted positive (null without negatives). */
  fpr: nullableRate,
  /** Null when the group holds one class only. */
  roc_auc: nullableRate,
  calibration: z.object({
    mean_predicted: rate,
    observed_rate: rate,
    bins: z.array(calibrationBinSchema),
  }),
  ci: z.object({
    selection_rate: interval,
    tpr: interval,
    fpr: interval,
  }),
});

export const flipSchema = z.object({
  /** The two values swapped. */
  values: z.tuple([z.string(), z.string()]),
  /** Rows flipped (rows holding one of the two values). */
  rows: z.number().int().nonnegative(),
  max_abs_delta: z.number().nonnegative(),
  mean_abs_delta: z.number().nonnegative(),
});

export const sensitiveFairnessSchema = z.object({
  is_model_input: z.boolean(),
  groups: z.record(z.string(), groupFairnessSchema),
  /** max − min selection rate over the groups (fairlearn's demographic_parity_difference). */
  demographic_parity_difference: z.number(),
  /** min / max selection rate; null when no group is ever selected. */
  demographic_parity_ratio: z.number().nullable(),
  /** The ratio is below 0.8 (the four-fifths rule). */
  demographic_parity_flag: z.boolean(),
  /** The larger of the TPR gap and the FPR gap (fairlearn's equalized_odds_difference). */
  equalized_odds_difference: z.number(),
  /** Only for a binary sensitive column that is a model input; null otherwise. */
  flip: flipSchema.nullable(),
});

export const fairnessReportSchema = z.object({
  version: z.literal(1),
  rows: z.number().int().nonnegative(),
  threshold: z.number(),
  positive_label: z.string(),
  bootstrap: z.object({
    resamples: z.number().int().nonnegative(),
    level: z.number(),
    seed: z.number(),
  }),
  sensitive: z.record(z.string(), sensitiveFairnessSchema),
});

export type CalibrationBinFairness = z.infer<typeof calibrationBinSchema>;
export type GroupFairness = z.infer<typeof groupFairnessSchema>;
export type FlipResult = z.infer<typeof flipSchema>;
export type SensitiveFairness = z.infer<typeof sensitiveFairnessSchema>;
export type FairnessReport = z.infer<typeof fairnessReportSchema>;
