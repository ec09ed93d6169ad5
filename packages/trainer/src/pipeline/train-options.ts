/**
 * Checks of `train()` options that would otherwise fail only after the data was read and the
 * search had run (an unknown learner, a name the registry refuses), so a mistake costs nothing
 * and leaves nothing in MLflow.
 */
import { TrainerError } from '../errors.js';
import { LEARNERS } from '../learners/catalog.js';
import { hasFairnessRules, type FairnessRules } from '../fairness/rules.js';

interface CheckedOptions {
  readonly name: string;
  readonly learners?: readonly string[] | undefined;
  readonly candidates?: number | undefined;
  readonly folds?: number | undefined;
  readonly timeBudgetSeconds?: number | undefined;
  readonly data?: { readonly target: string } | undefined;
  readonly sensitive?: readonly string[] | undefined;
  readonly gate?: { readonly fairness?: FairnessRules | undefined } | undefined;
}

function checkFairness(options: CheckedOptions): void {
  const sensitive = options.sensitive ?? [];
  const target = options.data?.target;
  if (target !== undefined && sensitive.includes(target)) {
    throw new TrainerError(
      'CONFIG',
      `the target '${target}' cannot be a sensitive column; name the group columns (e.g. SEX)`,
    );
  }
  if (sensitive.length === 0 && hasFairnessRules(options.gate?.fairness)) {
    throw new TrainerError(
      'CONFIG',
      'fairness gate rules need the columns to assess: add --sensitive COL,COL',
    );
  }
}

function positiveInteger(value: number | undefined, what: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
    throw new TrainerError('CONFIG', `${what} must be a whole number of at least 1, got ${value}`);
  }
}

/** Throws a TrainerError('CONFIG') naming the first bad option and what is allowed. */
export function checkTrainOptions(options: CheckedOptions): void {
  const { name } = options;
  // MLflow's own rule for registered model names (mlflow.utils.validation._validate_model_name).
  if (name.trim() === '' || /[/:]/.test(name) || name === '.' || name.startsWith('..')) {
    throw new TrainerError(
      'CONFIG',
      `model name '${name}' is not allowed by the MLflow registry: use a non-empty name without '/' or ':' (e.g. credit-default)`,
    );
  }
  const known = Object.keys(LEARNERS);
  const learners = options.learners ?? known;
  if (learners.length === 0)
    throw new TrainerError('CONFIG', `no learner given; choose from ${known.join(', ')}`);
  for (const learner of learners) {
    if (!Object.hasOwn(LEARNERS, learner)) {
      throw new TrainerError(
        'CONFIG',
        `unknown learner '${learner}'; choose from ${known.join(', ')}`,
      );
    }
  }
  checkFairness(options);
  positiveInteger(options.candidates, 'candidates per learner');
  positiveInteger(options.folds, 'folds');
  if (options.timeBudgetSeconds !== undefined && !(options.timeBudgetSeconds > 0)) {
    throw new TrainerError(
      'CONFIG',
      `the time budget must be a positive number of seconds, got ${options.timeBudgetSeconds}`,
    );
  }
}
