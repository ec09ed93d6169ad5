/** Target-column checks and the choice of the positive class. */
import { TabularError, formatCount } from './errors.js';
import { valueCounts } from './column-values.js';
import type { Column } from './table.js';

/** Labels, in order of preference, that usually mean "the event we predict". */
const POSITIVE_HINTS = [
  '1',
  'true',
  'yes',
  'y',
  'bad',
  'default',
  'defaulted',
  'fraud',
  'positive',
  'churn',
];

export interface TargetClasses {
  readonly positive: string;
  readonly negative: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Why this class was chosen as positive, for the user. */
  readonly reason: string;
}

function firstMissingRow(column: Column, rowNumbers: ArrayLike<number> | undefined): number {
  for (
    let i = 0;
    i < (column.kind === 'numeric' ? column.values.length : column.codes.length);
    i++
  ) {
    const missing =
      column.kind === 'numeric'
        ? Number.isNaN(column.values[i] ?? NaN)
        : (column.codes[i] ?? -1) < 0;
    if (missing) return rowNumbers?.[i] ?? i + 1;
  }
  return -1;
}

/** Checks the target has two classes and no missing values, and picks the positive class. */
export function resolveTarget(args: {
  column: Column;
  positive?: string | undefined;
  rowNumbers?: ArrayLike<number> | undefined;
}): TargetClasses {
  const { column, positive } = args;
  const { counts, missing } = valueCounts(column);
  if (missing > 0) {
    const first = firstMissingRow(column, args.rowNumbers);
    throw new TabularError({
      code: 'TARGET_MISSING_VALUES',
      message: `target '${column.name}' has missing values in ${formatCount(missing)} row${missing === 1 ? '' : 's'} (first: row ${formatCount(first)}; data rows counted from 1, header excluded); remove or label those rows`,
    });
  }
  const classes = [...counts.keys()].sort();
  if (classes.length !== 2) {
    const shown = classes.slice(0, 10).join(', ') + (classes.length > 10 ? ', …' : '');
    throw new TabularError({
      code: 'TARGET_NOT_BINARY',
      message: `target '${column.name}' has ${classes.length} class${classes.length === 1 ? '' : 'es'} (${shown}); champion trains binary classifiers`,
    });
  }
  const [a, b] = classes as [string, string];
  const record = Object.fromEntries(classes.map((c) => [c, counts.get(c) ?? 0]));
  if (positive !== undefined) {
    if (positive !== a && positive !== b) {
      throw new TabularError({
        code: 'BAD_POSITIVE_LABEL',
        message: `positive label '${positive}' is not a class of target '${column.name}'; its classes are ${a}, ${b}`,
      });
    }
    return { positive, negative: positive === a ? b : a, counts: record, reason: 'given' };
  }
  for (const hint of POSITIVE_HINTS) {
    const match = classes.find((c) => c.toLowerCase() === hint);
    if (match !== undefined) {
      return {
        positive: match,
        negative: match === a ? b : a,
        counts: record,
        reason: `the label '${match}' usually means the event to predict`,
      };
    }
  }
  const minority = (counts.get(a) ?? 0) <= (counts.get(b) ?? 0) ? a : b;
  return {
    positive: minority,
    negative: minority === a ? b : a,
    counts: record,
    reason: 'it is the minority class',
  };
}
