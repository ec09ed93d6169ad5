import { TrainerError } from '../errors.js';
import { shuffledByClass, sortedUnion } from './shuffle.js';

export interface StratifiedKFoldOptions {
  readonly labels: Uint8Array;
  /** Number of folds, at least 2. @default 5 */
  readonly folds?: number;
  /** @default 42 */
  readonly seed?: number;
}

/** One fold: rows to fit on and rows to score, both ascending. */
export interface Fold {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
}

/**
 * Seeded stratified k-fold: every row is in exactly one validation part, and each part holds
 * each class's rows in equal share (sizes differ by at most one per class).
 */
export function stratifiedKFold(options: StratifiedKFoldOptions): Fold[] {
  const k = options.folds ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > options.labels.length) {
    throw new TrainerError(
      'CONFIG',
      `Cannot make ${k} folds from ${options.labels.length} rows; use an integer between 2 and the row count.`,
    );
  }
  const assignments: number[][] = Array.from({ length: k }, () => []);
  let offset = 0;
  for (const indices of shuffledByClass(options.labels, options.seed ?? 42)) {
    // Deal rows round-robin, continuing where the previous class stopped so fold sizes balance.
    for (let i = 0; i < indices.length; i++) assignments[(offset + i) % k]?.push(indices[i] ?? 0);
    offset = (offset + indices.length) % k;
  }
  const parts = assignments.map((rows) => Uint32Array.from(rows));
  return parts.map((validation, fold) => ({
    train: sortedUnion(parts.filter((_, other) => other !== fold)),
    validation: sortedUnion([validation]),
  }));
}
