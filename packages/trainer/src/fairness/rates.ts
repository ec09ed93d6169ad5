/**
 * Counts and rates of one group of rows: how often it is positive, selected (predicted positive
 * at the model's threshold), and the true and false positive rates. A rate without rows to
 * divide by is null.
 */

export interface GroupCounts {
  readonly count: number;
  readonly positives: number;
  readonly selected: number;
  readonly truePositives: number;
  readonly falsePositives: number;
}

export interface GroupRates {
  readonly positive_rate: number;
  readonly selection_rate: number;
  readonly tpr: number | null;
  readonly fpr: number | null;
}

/** Rows to evaluate: true labels and decisions, 1 = positive. */
export interface Decisions {
  readonly labels: Uint8Array;
  readonly predicted: Uint8Array;
}

/** Counts over `rows` (indices into `labels` and `predicted`). */
export function countRows(decisions: Decisions, rows: ArrayLike<number>): GroupCounts {
  let positives = 0;
  let selected = 0;
  let truePositives = 0;
  let falsePositives = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const y = decisions.labels[r] === 1;
    const p = decisions.predicted[r] === 1;
    if (y) positives++;
    if (p) {
      selected++;
      if (y) truePositives++;
      else falsePositives++;
    }
  }
  return { count: rows.length, positives, selected, truePositives, falsePositives };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function ratesOf(counts: GroupCounts): GroupRates {
  const negatives = counts.count - counts.positives;
  return {
    positive_rate: share(counts.positives, counts.count) ?? 0,
    selection_rate: share(counts.selected, counts.count) ?? 0,
    tpr: share(counts.truePositives, counts.positives),
    fpr: share(counts.falsePositives, negatives),
  };
}
