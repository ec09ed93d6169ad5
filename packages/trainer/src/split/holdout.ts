/**
 * A split with an explicit test set: the rows from a given file row on (the newest labelled
 * production rows a retraining holds out) are the test split, so the gate compares the candidate
 * and `@champion` on exactly those rows; the rows before are split stratified into train and
 * validation as usual.
 */
import { TrainerError } from '../errors.js';
import { DEFAULT_FRACTIONS, stratifiedSplit, type RowSplit } from './stratified.js';

export interface HoldoutSplitOptions {
  /** 1 = positive, 0 = negative, one per table row. */
  readonly labels: Uint8Array;
  /** 1-based file row number of each table row (ascending, as readers give them). */
  readonly rowNumbers: Float64Array;
  /** The first 1-based file row of the held-out slice. */
  readonly fromRow: number;
  readonly seed: number;
  /** Names the file in errors. */
  readonly source: string;
}

/** Train/validation stratified from the rows before `fromRow`, test = the rows from it on. */
export function holdoutSplit(options: HoldoutSplitOptions): RowSplit {
  const { labels, rowNumbers, fromRow, source } = options;
  let cut = 0;
  while (cut < rowNumbers.length && (rowNumbers[cut] ?? 0) < fromRow) cut++;
  const test = Uint32Array.from({ length: labels.length - cut }, (_, i) => cut + i);
  const positives = test.reduce((sum, row) => sum + (labels[row] ?? 0), 0);
  if (positives === 0 || positives === test.length) {
    throw new TrainerError(
      'DATA',
      `${source}: the held-out rows (file rows ${fromRow} on, ${test.length} rows) hold ${positives} positive and ${test.length - positives} negative labels; the gate needs both classes`,
    );
  }
  const share = DEFAULT_FRACTIONS.train + DEFAULT_FRACTIONS.validation;
  const rest = stratifiedSplit({
    labels: labels.subarray(0, cut),
    seed: options.seed,
    fractions: {
      train: DEFAULT_FRACTIONS.train / share,
      validation: DEFAULT_FRACTIONS.validation / share,
      test: 0,
    },
  });
  return { train: rest.train, validation: rest.validation, test };
}
