import { TrainerError } from '../errors.js';
import { shuffledByClass, sortedUnion } from './shuffle.js';

export interface SplitFractions {
  /** @default 0.7 */
  readonly train: number;
  /** @default 0.15 */
  readonly validation: number;
  /** @default 0.15 */
  readonly test: number;
}

export interface StratifiedSplitOptions {
  /** 1 = positive, 0 = negative, one per row. */
  readonly labels: Uint8Array;
  /** Must be non-negative and sum to 1; a part may be 0. @default {train: 0.7, validation: 0.15, test: 0.15} */
  readonly fractions?: SplitFractions;
  /** @default 42 */
  readonly seed?: number;
}

/** Row indices of each part, ascending. */
export interface RowSplit {
  readonly train: Uint32Array;
  readonly validation: Uint32Array;
  readonly test: Uint32Array;
}

export const DEFAULT_FRACTIONS: SplitFractions = { train: 0.7, validation: 0.15, test: 0.15 };

function checkFractions(f: SplitFractions): void {
  const parts = [f.train, f.validation, f.test];
  if (
    parts.some((x) => !(x >= 0) || !Number.isFinite(x)) ||
    Math.abs(f.train + f.validation + f.test - 1) > 1e-9
  ) {
    throw new TrainerError(
      'CONFIG',
      `Split fractions train=${f.train}, validation=${f.validation}, test=${f.test} must be non-negative and sum to 1.`,
    );
  }
}

/**
 * Seeded stratified train/validation/test split: each class is shuffled and cut in the given
 * proportions, so every part keeps the overall positive rate (to within one row per class).
 * The same labels and seed always give the same split.
 */
export function stratifiedSplit(options: StratifiedSplitOptions): RowSplit {
  const fractions = options.fractions ?? DEFAULT_FRACTIONS;
  checkFractions(fractions);
  const byClass = shuffledByClass(options.labels, options.seed ?? 42);
  const train: Uint32Array[] = [];
  const validation: Uint32Array[] = [];
  const test: Uint32Array[] = [];
  for (const indices of byClass) {
    const n = indices.length;
    const testCount = Math.round(n * fractions.test);
    const validationCount = Math.min(n - testCount, Math.round(n * fractions.validation));
    test.push(indices.subarray(0, testCount));
    validation.push(indices.subarray(testCount, testCount + validationCount));
    train.push(indices.subarray(testCount + validationCount));
  }
  return {
    train: sortedUnion(train),
    validation: sortedUnion(validation),
    test: sortedUnion(test),
  };
}
