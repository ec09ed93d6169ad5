/**
 * The training options a user gives, under the names of `champion train`'s flags: the one schema
 * the CLI (after commander has split the flags) and the control service (query parameters or a
 * JSON body) both validate with. Values may arrive as strings (a query string) or typed (JSON,
 * commander's parsers); lists as arrays or comma-separated text. `trainRequestArgs` turns a
 * validated request back into the flags, for a training run in a child process or a pod.
 * It does not name the data: the CLI's `--data` and the control service's upload or URI do.
 */
import { z } from 'zod';
import { TrainerError } from '../errors.js';
import type { GateConfig } from '../gate/gate.js';

const list = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : value,
  z.array(z.string().min(1)).min(1),
);

const flag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

const number = z.coerce.number().refine(Number.isFinite, 'expected a finite number');
const count = z.coerce.number().int().min(1);

/** Candidates per learner for each `search` size. */
export const SEARCH_CANDIDATES = { quick: 2, default: 6, wide: 20 } as const;

export const trainRequestSchema = z.strictObject({
  target: z
    .string({ error: 'the column to predict is required' })
    .min(1, 'the column to predict is required'),
  positive: z.string().min(1).optional(),
  idCols: list.optional(),
  exclude: list.optional(),
  categorical: list.optional(),
  name: z.string().min(1).optional(),
  experiment: z.string().min(1).optional(),
  learners: list.default(['gbdt', 'logreg']),
  search: z.enum(['quick', 'default', 'wide']).default('default'),
  candidates: count.optional(),
  timeBudget: number.refine((n) => n > 0, 'must be a positive number of seconds').default(300),
  folds: count.optional(),
  thresholdFor: z.enum(['f1', 'cost']).default('f1'),
  costFn: number.default(5),
  costFp: number.default(1),
  minAuc: number.default(0.6),
  margin: number.default(0),
  seed: number.default(42),
  setAsideBadRows: flag.optional(),
  exampleRows: z.enum(['synthetic', 'real']).default('synthetic'),
  register: flag.default(true),
  allowSchemaChange: flag.optional(),
  sensitive: list.optional(),
  maxEqualizedOddsDiff: number.optional(),
  maxDemographicParityDiff: number.optional(),
  minDemographicParityRatio: number.optional(),
});

/** Validated training options (flag names in camelCase, defaults applied). */
export type TrainRequest = z.infer<typeof trainRequestSchema>;

/** The promotion gate a request asks for (`--min-auc`, `--margin`, the fairness rules). */
export function trainRequestGate(request: TrainRequest): GateConfig {
  return {
    primaryMetric: 'roc_auc',
    margin: request.margin,
    floors: { roc_auc: request.minAuc },
    fairness: {
      maxEqualizedOddsDiff: request.maxEqualizedOddsDiff,
      maxDemographicParityDiff: request.maxDemographicParityDiff,
      minDemographicParityRatio: request.minDemographicParityRatio,
    },
  };
}

/** `id-cols` → `idCols`: a flag's name as a key of {@link TrainRequest}. */
export function flagKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The `champion train` arguments (after `--data`) that give `request`, defaults included. */
export function trainRequestArgs(request: TrainRequest): string[] {
  return Object.entries(request).flatMap(([key, value]): string[] => {
    if (value === undefined) return [];
    if (key === 'register') return value === false ? ['--no-register'] : [];
    if (typeof value === 'boolean') return value ? [`--${kebab(key)}`] : [];
    const text = Array.isArray(value) ? value.join(',') : String(value);
    // One `--flag=value` argument: a value starting with `-` can never read as another flag.
    return [`--${kebab(key)}=${text}`];
  });
}

/**
 * Validates options given by flag name (camelCase keys, as commander gives them, or kebab-case, as
 * a query string does); keys that are not training options (the CLI's globals, `data`) are left
 * to the caller. Throws a TrainerError('CONFIG') naming each bad option as its flag.
 */
export function parseTrainRequest(input: object): TrainRequest {
  const known = new Set(Object.keys(trainRequestSchema.shape));
  const picked = Object.fromEntries(
    Object.entries(input)
      .map(([key, value]) => [flagKey(key), value] as const)
      .filter(([key]) => known.has(key)),
  );
  const parsed = trainRequestSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `--${kebab(String(issue.path[0] ?? '?'))}: ${issue.message}`,
  );
  throw new TrainerError('CONFIG', `invalid training options: ${problems.join('; ')}`);
}

/** The keys of {@link TrainRequest}, as flags (`time-budget`), for callers listing what they accept. */
export const TRAIN_REQUEST_FLAGS: readonly string[] = Object.keys(trainRequestSchema.shape).map(
  kebab,
);
