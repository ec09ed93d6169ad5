/**
 * The file a retraining trains on: the original training data (read with the reading rules, as
 * the trainer read it), then the labelled production rows oldest first, the newest `holdoutShare`
 * of them last. The trainer holds those last rows out as its test split (`holdout.fromRow`), so
 * the gate compares the candidate and `@champion` on the newest labelled production data.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  concatTables,
  readTable,
  writeCsv,
  type CategoricalColumn,
  type Column,
  type NumericColumn,
  type Table,
} from '@champion/tabular';
import { MonitorLoopError } from './errors.js';
import type { FeatureValue, LabelledRow } from './ports.js';
import type { TrainingData } from './training-data.js';

export interface RetrainingFile {
  readonly path: string;
  /** Rows of the original training data. */
  readonly baseRows: number;
  /** Labelled production rows added for training, and held out for the gate. */
  readonly added: number;
  readonly heldOut: number;
  /** 1-based file row of the first held-out row. */
  readonly fromRow: number;
}

function numeric(value: FeatureValue | undefined, where: () => string): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n))
    throw new MonitorLoopError('DATA', `${where()}: '${String(value)}' is not a number`);
  return n;
}

function columnOf(
  template: Column,
  values: readonly (FeatureValue | undefined)[],
  where: (row: number) => string,
): Column {
  if (template.kind === 'numeric') {
    const out = Float64Array.from(values, (v, row) => numeric(v, () => where(row)));
    return { name: template.name, kind: 'numeric', values: out } satisfies NumericColumn;
  }
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null || v === undefined || v === '') return -1;
    const text = String(v);
    let code = index.get(text);
    if (code === undefined) {
      code = dictionary.push(text) - 1;
      index.set(text, code);
    }
    return code;
  });
  return {
    name: template.name,
    kind: 'categorical',
    codes,
    dictionary,
  } satisfies CategoricalColumn;
}

/** The target's class values as text, from the training table. */
function classesOf(column: Column): Set<string> {
  if (column.kind === 'categorical') return new Set(column.dictionary);
  const seen = new Set<string>();
  for (const v of column.values) if (!Number.isNaN(v)) seen.add(String(v));
  return seen;
}

function labelText(row: LabelledRow, classes: Set<string>, target: string): string {
  const text = typeof row.label === 'boolean' ? (row.label ? '1' : '0') : String(row.label);
  const known = classes.has(text) || (text.trim() !== '' && classes.has(String(Number(text))));
  if (!known)
    throw new MonitorLoopError(
      'DATA',
      `request ${row.requestId}: label '${text}' is not a class of target '${target}' (${[...classes].join(', ')})`,
    );
  return text;
}

/** The production rows as a table with the training table's columns (others left missing). */
function productionTable(base: Table, rows: readonly LabelledRow[], data: TrainingData): Table {
  const features = new Set(data.features);
  const target = base.columns.find((c) => c.name === data.target);
  if (target === undefined)
    throw new MonitorLoopError('RETRAIN', `${data.path} has no target column '${data.target}'`);
  const classes = classesOf(target);
  const columns = base.columns.map((column) => {
    const values = rows.map((row) => {
      if (column.name === data.target) return labelText(row, classes, data.target);
      return features.has(column.name) ? row.features[column.name] : null;
    });
    return columnOf(
      column,
      values,
      (r) => `request ${rows[r]?.requestId ?? '?'}, column '${column.name}'`,
    );
  });
  return { rowCount: rows.length, columns };
}

/** Writes the retraining file to `out`; see the module header. */
export async function writeRetrainingFile(options: {
  data: TrainingData;
  rows: readonly LabelledRow[];
  holdoutShare: number;
  out: string;
}): Promise<RetrainingFile> {
  const { data, out } = options;
  const read = await readTable(data.path, {
    categorical: data.categorical,
    onBadRows: 'set-aside',
  });
  const ordered = [...options.rows].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const heldOut = Math.max(1, Math.ceil(ordered.length * options.holdoutShare));
  const added = ordered.length - heldOut;
  const combined = concatTables([read.table, productionTable(read.table, ordered, data)]);
  await mkdir(dirname(out), { recursive: true });
  await writeCsv(combined, out);
  const baseRows = read.table.rowCount;
  return { path: out, baseRows, added, heldOut, fromRow: baseRows + added + 1 };
}
