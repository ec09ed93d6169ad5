/**
 * Turns a `Table` plus its `TableSchema` into the float32 `EncodedDataset` learners train on.
 *
 * Numeric values are rounded to float32 (what the ONNX model receives); categorical values become
 * their index in the training categories. Missing values and categories the model never saw are
 * both NaN, so they take the same learned missing path in training, in memory and in ONNX.
 * It does not validate values: readers and validators already did.
 */
import { cellText, type Column, type Table, type TableSchema } from '@champion/tabular';
import type { EncodedDataset, FeatureSpec } from '../model/types.js';
import { TrainerError } from '../errors.js';

function findColumn(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    const names = table.columns.map((c) => c.name).join(', ');
    throw new TrainerError('DATA', `column '${name}' not found; columns are: ${names}`);
  }
  return column;
}

/**
 * The feature specs a model is trained with. Categories are those present in `rows` (the
 * training rows), in first-seen order of the column dictionary, so a category that occurs only in
 * held-out data is "unseen" exactly as it will be in production.
 */
export function featureSpecs(options: {
  table: Table;
  schema: TableSchema;
  rows?: Int32Array | undefined;
}): FeatureSpec[] {
  const { table, schema, rows } = options;
  return schema.features.map((feature): FeatureSpec => {
    const column = findColumn(table, feature.name);
    if (feature.type === 'numeric') {
      if (column.kind !== 'numeric') {
        throw new TrainerError(
          'DATA',
          `column '${feature.name}' is declared numeric but holds text`,
        );
      }
      return { name: feature.name, kind: 'numeric' };
    }
    if (column.kind === 'numeric') {
      return {
        name: feature.name,
        kind: 'categorical',
        categories: numericCategories(column, rows),
      };
    }
    const present = new Uint8Array(column.dictionary.length);
    const n = rows ? rows.length : table.rowCount;
    for (let i = 0; i < n; i++) {
      const code = column.codes[rows ? (rows[i] ?? 0) : i] ?? -1;
      if (code >= 0) present[code] = 1;
    }
    const categories = column.dictionary.filter((_, code) => present[code] === 1);
    return { name: feature.name, kind: 'categorical', categories };
  });
}

/** Integer-coded categoricals (e.g. EDUCATION 1..6) keep their text form as category names. */
function numericCategories(column: Column & { kind: 'numeric' }, rows?: Int32Array): string[] {
  const seen = new Set<number>();
  const n = rows ? rows.length : column.values.length;
  for (let i = 0; i < n; i++) {
    const v = column.values[rows ? (rows[i] ?? 0) : i] ?? Number.NaN;
    if (!Number.isNaN(v)) seen.add(v);
  }
  return [...seen].sort((a, b) => a - b).map((v) => String(v));
}

function encodeColumn(
  column: Column,
  spec: FeatureSpec,
  rows: Int32Array | undefined,
): Float32Array {
  const n = rows
    ? rows.length
    : column.kind === 'numeric'
      ? column.values.length
      : column.codes.length;
  const out = new Float32Array(n);
  if (spec.kind === 'numeric' && column.kind === 'numeric') {
    for (let i = 0; i < n; i++) out[i] = column.values[rows ? (rows[i] ?? 0) : i] ?? Number.NaN;
    return out;
  }
  const index = new Map<string, number>();
  (spec.categories ?? []).forEach((c, i) => index.set(c, i));
  if (column.kind === 'categorical') {
    // Map dictionary codes once, then rows through the small lookup table.
    const lookup = new Float32Array(column.dictionary.length);
    column.dictionary.forEach((value, code) => (lookup[code] = index.get(value) ?? Number.NaN));
    for (let i = 0; i < n; i++) {
      const code = column.codes[rows ? (rows[i] ?? 0) : i] ?? -1;
      out[i] = code < 0 ? Number.NaN : (lookup[code] ?? Number.NaN);
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = column.values[rows ? (rows[i] ?? 0) : i] ?? Number.NaN;
    out[i] = Number.isNaN(v) ? Number.NaN : (index.get(String(v)) ?? Number.NaN);
  }
  return out;
}

/** Labels: 1 where the target's text equals the schema's positive label. */
export function encodeLabels(options: {
  table: Table;
  schema: TableSchema;
  rows?: Int32Array | undefined;
}): Uint8Array {
  const { table, schema, rows } = options;
  const target = findColumn(table, schema.target.name);
  const n = rows ? rows.length : table.rowCount;
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows ? (rows[i] ?? 0) : i;
    const text = cellText(target, row);
    if (
      text === '' &&
      (target.kind === 'numeric'
        ? Number.isNaN(target.values[row] ?? Number.NaN)
        : (target.codes[row] ?? -1) < 0)
    ) {
      throw new TrainerError(
        'DATA',
        `target '${schema.target.name}' is missing in row ${(rows ? (rows[i] ?? 0) : i) + 1}`,
      );
    }
    labels[i] = text === schema.target.positive ? 1 : 0;
  }
  return labels;
}

/** Encodes `rows` (all rows when omitted) of `table` for the given feature specs. */
export function encodeDataset(options: {
  table: Table;
  schema: TableSchema;
  features: readonly FeatureSpec[];
  rows?: Int32Array | undefined;
}): EncodedDataset {
  const { table, features, rows } = options;
  const columns = features.map((spec) => encodeColumn(findColumn(table, spec.name), spec, rows));
  const labels = encodeLabels(options);
  return { features, rowCount: labels.length, columns, labels };
}
