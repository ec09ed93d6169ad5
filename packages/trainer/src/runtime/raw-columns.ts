/**
 * Raw feature columns as the ONNX model receives them: float32 for numeric features, strings for
 * categorical ones ('' = missing). The bridge between a `Table`, the ONNX graph's inputs and the
 * trainer's encoding, so evaluation runs the exact bytes that will be served.
 */
import type { Column, Table } from '@champion/tabular';
import type { FeatureSpec } from '../model/types.js';
import { TrainerError } from '../errors.js';

export type RawColumn = Float32Array | string[];

function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new TrainerError('DATA', `column '${name}' not found in the data`);
  return found;
}

function rowAt(rows: ArrayLike<number> | undefined, i: number): number {
  return rows ? (rows[i] ?? 0) : i;
}

/** Raw columns of `rows` (all rows when omitted) for the model's features. */
export function rawColumns(options: {
  table: Table;
  features: readonly FeatureSpec[];
  rows?: ArrayLike<number> | undefined;
}): RawColumn[] {
  const { table, features, rows } = options;
  const n = rows ? rows.length : table.rowCount;
  return features.map((spec) => {
    const source = column(table, spec.name);
    if (spec.kind === 'numeric') {
      if (source.kind !== 'numeric') {
        throw new TrainerError('DATA', `column '${spec.name}' must be numeric but holds text`);
      }
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = source.values[rowAt(rows, i)] ?? Number.NaN;
      return out;
    }
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const r = rowAt(rows, i);
      if (source.kind === 'numeric') {
        const v = source.values[r] ?? Number.NaN;
        out[i] = Number.isNaN(v) ? '' : String(v);
      } else {
        const code = source.codes[r] ?? -1;
        out[i] = code < 0 ? '' : (source.dictionary[code] ?? '');
      }
    }
    return out;
  });
}

/** The trainer's encoding of raw columns: category index, NaN for missing or unseen. */
export function encodeRaw(
  features: readonly FeatureSpec[],
  raw: readonly RawColumn[],
): Float32Array[] {
  return features.map((spec, f) => {
    const values = raw[f];
    if (values === undefined)
      throw new TrainerError('DATA', `no values for feature '${spec.name}'`);
    if (values instanceof Float32Array) return values;
    const index = new Map<string, number>();
    (spec.categories ?? []).forEach((c, i) => index.set(c, i));
    return Float32Array.from(values, (v) => index.get(v) ?? Number.NaN);
  });
}
