import { z } from 'zod';

import { TrainerError } from '../../errors.js';

/** Hyper-parameters of the logistic regression, named and defaulted like scikit-learn's. */
export const logRegParamsSchema = z
  .object({
    /**
     * Inverse regularisation strength: the objective is `sum_i w_i * logloss_i + ||beta||^2 / (2C)`
     * (the intercept is not penalised).
     * @default 1
     */
    C: z.number().positive().finite().default(1),
    /**
     * Maximum number of L-BFGS iterations.
     * @default 200
     */
    max_iter: z.number().int().positive().default(200),
    /**
     * Stop when the largest absolute gradient component of the mean objective is at most `tol`
     * (scipy's `pgtol`, which scikit-learn passes its `tol` to).
     * @default 1e-6
     */
    tol: z.number().positive().finite().default(1e-6),
    /**
     * `'balanced'` weights each class by `n / (2 * n_class)` like scikit-learn; `'none'` leaves rows
     * with their own weight (1 unless the dataset carries weights).
     * @default 'none'
     */
    class_weight: z.enum(['none', 'balanced']).default('none'),
  })
  .strict();

/** Parameters as the caller may give them (every field optional). */
export type LogRegParamsInput = z.input<typeof logRegParamsSchema>;
/** Parameters after defaults are applied. */
export type LogRegParams = z.output<typeof logRegParamsSchema>;

/** Validates and defaults parameters; throws `TrainerError('CONFIG')` naming each bad field. */
export function parseLogRegParams(input: LogRegParamsInput | undefined): LogRegParams {
  const result = logRegParamsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`)
      .join('; ');
    throw new TrainerError(
      'CONFIG',
      `Invalid logistic regression parameters (${problems}). Fix them and train again.`,
      {
        cause: result.error,
      },
    );
  }
  return result.data;
}
