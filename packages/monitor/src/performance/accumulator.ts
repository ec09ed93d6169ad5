/**
 * Served rows streamed in for the performance figures, kept in growable typed arrays (18 bytes a
 * row: 1M rows hold in 18 MB, no object per row). A row is one scored record: its time, the
 * probability and the label the model answered, and the true label once it is known. Rows without
 * a true label still count: they are the "served" of label coverage and of the predicted rate.
 */
import { PerformanceError } from './errors.js';

/** `actual` of a row whose true label has not arrived. */
export const NO_LABEL = 2;

/** One served record. Labels are class indices: 1 = the model's positive class, 0 = negative. */
export interface ServedRow {
  /** When it was served, epoch milliseconds. */
  readonly time: number;
  /** The positive-class probability the model answered, in [0, 1]. */
  readonly probability: number;
  /** The label the model answered (its threshold applied). */
  readonly predicted: 0 | 1;
  /** The true label, when it has arrived. */
  readonly actual?: 0 | 1 | undefined;
}

/** The accumulated rows, as typed arrays of length `size` (views, not copies). */
export interface PerformanceRows {
  readonly size: number;
  readonly time: Float64Array;
  readonly probability: Float64Array;
  readonly predicted: Uint8Array;
  /** 0, 1 or {@link NO_LABEL}. */
  readonly actual: Uint8Array;
}

const INITIAL_CAPACITY = 1024;

function grown<T extends Float64Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

export class PerformanceAccumulator {
  #size = 0;
  #time = new Float64Array(INITIAL_CAPACITY);
  #probability = new Float64Array(INITIAL_CAPACITY);
  #predicted = new Uint8Array(INITIAL_CAPACITY);
  #actual = new Uint8Array(INITIAL_CAPACITY);

  /** Rows added so far. */
  get size(): number {
    return this.#size;
  }

  /** Adds one row; throws naming the row when a value is out of range. */
  add(row: ServedRow): void {
    const i = this.#size;
    check(row, i);
    if (i === this.#time.length) this.#grow(i * 2);
    this.#time[i] = row.time;
    this.#probability[i] = row.probability;
    this.#predicted[i] = row.predicted;
    this.#actual[i] = row.actual ?? NO_LABEL;
    this.#size = i + 1;
  }

  /** The rows so far; valid until the next `add`. */
  rows(): PerformanceRows {
    const n = this.#size;
    return {
      size: n,
      time: this.#time.subarray(0, n),
      probability: this.#probability.subarray(0, n),
      predicted: this.#predicted.subarray(0, n),
      actual: this.#actual.subarray(0, n),
    };
  }

  #grow(capacity: number): void {
    this.#time = grown(this.#time, capacity);
    this.#probability = grown(this.#probability, capacity);
    this.#predicted = grown(this.#predicted, capacity);
    this.#actual = grown(this.#actual, capacity);
  }
}

function check(row: ServedRow, index: number): void {
  const problem = !(row.probability >= 0 && row.probability <= 1)
    ? `probability ${row.probability} is outside [0, 1]`
    : row.predicted !== 0 && row.predicted !== 1
      ? `predicted label ${String(row.predicted)} is not 0 or 1`
      : row.actual !== undefined && row.actual !== 0 && row.actual !== 1
        ? `true label ${String(row.actual)} is not 0 or 1`
        : !Number.isFinite(row.time)
          ? `time ${row.time} is not a finite epoch time in milliseconds`
          : undefined;
  if (problem !== undefined)
    throw new PerformanceError('BAD_ROW', `Served row ${index}: ${problem}.`);
}
