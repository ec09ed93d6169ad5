/**
 * The retraining policy: when the loop retrains, and what it does with the new version. Every
 * field has a documented default, so an empty file (or none) is a valid policy. Unknown keys are
 * errors (a typo must not silently disable a trigger).
 */
import { z } from 'zod';
import { parseDuration } from './duration.js';

const duration = z.string().refine((text) => parseDuration(text) !== undefined, {
  message: "expected a duration such as '30m', '24h' or '7d'",
});

const share = z.number().min(0).max(1);

export const policySchema = z
  .object({
    /**
     * `auto`: a retrained version that passes the gate becomes `@champion`; `approval`: it waits
     * as `@challenger` until `champion promote --approve VERSION`. @default 'auto'
     */
    mode: z.enum(['auto', 'approval']).default('auto'),
    /**
     * Fires when the drifted share of columns is at least `share`. `weighting: importance`
     * weighs each column by the model's feature importance, when the model has them (else the
     * plain share is used and the report says so). `null` disables it.
     * @default { share: 0.5, weighting: 'none' }
     */
    drift: z
      .object({
        share: share.default(0.5),
        weighting: z.enum(['none', 'importance']).default('none'),
      })
      .strict()
      .nullable()
      .default({ share: 0.5, weighting: 'none' }),
    /**
     * Fires when a performance metric of the window is below its floor (above, for lower-is-better
     * metrics such as `log_loss`), measured on at least `minLabels` labelled rows. `null`
     * disables it. @default { floors: { roc_auc: 0.7 }, minLabels: 200 }
     */
    performance: z
      .object({
        floors: z.record(z.string(), z.number()).default({ roc_auc: 0.7 }),
        minLabels: z.number().int().min(1).default(200),
      })
      .strict()
      .nullable()
      .default({ floors: { roc_auc: 0.7 }, minLabels: 200 }),
    /** Fires when `@champion` was registered more than this many days ago. `null` disables it. @default null */
    maxAgeDays: z.number().positive().nullable().default(null),
    /**
     * Drift and performance fire only when at least `k` of the last `n` windows of the same
     * `@champion` (this one included) signalled. @default { k: 1, n: 1 }
     */
    agree: z
      .object({ k: z.number().int().min(1).default(1), n: z.number().int().min(1).default(1) })
      .strict()
      .refine((a) => a.k <= a.n, { message: 'k must be at most n' })
      .default({ k: 1, n: 1 }),
    /** No retraining within this long after the last one (except `--force`). @default '24h' */
    cooldown: duration.default('24h'),
    /** How a fired policy retrains. */
    retrain: z
      .object({
        /** Share of the newest labelled production rows held out for the gate. @default 0.2 */
        holdoutShare: z.number().gt(0).lt(1).default(0.2),
        /** Fewest newly labelled production rows worth retraining on. @default 50 */
        minLabels: z.number().int().min(2).default(50),
        /** @default ['gbdt', 'logreg'] */
        learners: z
          .array(z.enum(['gbdt', 'logreg']))
          .min(1)
          .default(['gbdt', 'logreg']),
        /** Candidates per learner. @default 6 */
        candidates: z.number().int().min(1).default(6),
        /** Cross-validation folds (the trainer's default when absent). */
        folds: z.number().int().min(1).optional(),
        /** @default 300 */
        timeBudgetSeconds: z.number().positive().default(300),
        /** Where the retraining data (training data + labelled rows) is written. @default '.champion/retraining' */
        dataDir: z.string().min(1).default('.champion/retraining'),
      })
      .strict()
      .prefault({}),
    /** The promotion gate on the held-out rows. @default { primaryMetric: 'roc_auc', margin: 0, floors: { roc_auc: 0.6 } } */
    gate: z
      .object({
        primaryMetric: z.string().min(1).default('roc_auc'),
        margin: z.number().default(0),
        floors: z.record(z.string(), z.number()).default({ roc_auc: 0.6 }),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** A parsed policy, every default filled in. */
export type Policy = z.infer<typeof policySchema>;

/** The policy when no file is given. */
export const DEFAULT_POLICY: Policy = policySchema.parse({});
