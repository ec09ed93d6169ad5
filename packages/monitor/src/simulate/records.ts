/** The JSON a simulation sends: /predict records of the model's features, /feedback labels. */
import { cellText, labelKind, typedLabel, type Column, type LabelTarget } from '@champion/tabular';
import type { Sample } from './sample.js';

/** One /feedback item. */
export interface LabelItem {
  readonly request_id: string;
  readonly label: string | number;
}

/** Row `row` of the sample as a /predict record: numbers, category text, null for missing. */
export function recordMaker(
  sample: Sample,
  features: readonly string[],
): (row: number) => Record<string, unknown> {
  const columns = features.map((name) => [name, sample.columns.get(name)] as const);
  return (row) => {
    const record: Record<string, unknown> = {};
    for (const [name, column] of columns) {
      if (column === undefined) record[name] = null;
      else if (column.kind === 'numeric') {
        const v = column.values[row] ?? NaN;
        record[name] = Number.isNaN(v) ? null : v;
      } else {
        const code = column.codes[row] ?? -1;
        record[name] = code < 0 ? null : (column.dictionary[code] ?? null);
      }
    }
    return record;
  };
}

/**
 * The true label of each sampled row, typed as the service types its labels (the training
 * target's type: a 0/1 column's classes are numbers), so /feedback gets what /predict answers.
 */
export function trueLabels(options: {
  target: Column;
  picked: Uint32Array;
  modelTarget: LabelTarget;
}): (string | number)[] {
  const kind = labelKind(options.modelTarget);
  return Array.from(options.picked, (row) => typedLabel(kind, cellText(options.target, row)));
}
