/**
 * The rows a simulation sends: N rows drawn (seeded) from the file, copied into columns the drift
 * terms can change. Without replacement when the file has N rows or more, with replacement
 * otherwise (said in the summary).
 */
import { parseNumber, type Column, type Rng, type Table } from '@champion/tabular';
import { describeDriftTerm, type DriftTerm } from './drift-spec.js';

/** A sampled column: numbers (NaN = missing) or dictionary codes (-1 = missing). */
export type SampleColumn =
  | { readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly kind: 'categorical'; readonly codes: Int32Array; readonly dictionary: string[] };

export interface Sample {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, SampleColumn>;
  /** Index in the table of each sampled row. */
  readonly picked: Uint32Array;
  readonly withReplacement: boolean;
}

/** Draws `rows` indices among `eligible` (seeded; see the module header). */
export function drawRows(eligible: Uint32Array, rows: number, rng: Rng): Uint32Array {
  const picked = new Uint32Array(rows);
  if (rows > eligible.length) {
    for (let k = 0; k < rows; k++) picked[k] = eligible[rng.int(eligible.length)] ?? 0;
    return picked;
  }
  // A partial Fisher–Yates shuffle: the first `rows` slots end up a uniform sample.
  const pool = Uint32Array.from(eligible);
  for (let k = 0; k < rows; k++) {
    const j = k + rng.int(pool.length - k);
    const chosen = pool[j] ?? 0;
    pool[j] = pool[k] ?? 0;
    pool[k] = chosen;
    picked[k] = chosen;
  }
  return picked;
}

function copyColumn(column: Column, picked: Uint32Array): SampleColumn {
  if (column.kind === 'numeric') {
    const values = new Float64Array(picked.length);
    picked.forEach((row, k) => (values[k] = column.values[row] ?? NaN));
    return { kind: 'numeric', values };
  }
  const codes = new Int32Array(picked.length);
  picked.forEach((row, k) => (codes[k] = column.codes[row] ?? -1));
  return { kind: 'categorical', codes, dictionary: [...column.dictionary] };
}

/** Copies the `names` columns of `table` at the drawn rows. */
export function sampleColumns(options: {
  table: Table;
  names: readonly string[];
  eligible: Uint32Array;
  rows: number;
  rng: Rng;
}): Sample {
  const picked = drawRows(options.eligible, options.rows, options.rng);
  const byName = new Map(options.table.columns.map((c) => [c.name, c] as const));
  const columns = new Map<string, SampleColumn>();
  for (const name of options.names) {
    const column = byName.get(name);
    if (column !== undefined) columns.set(name, copyColumn(column, picked));
  }
  return {
    rows: options.rows,
    columns,
    picked,
    withReplacement: options.rows > options.eligible.length,
  };
}

/** What one drift term did. */
export interface AppliedDrift {
  readonly term: string;
  /** Rows it applied to: those with a value for * and + (missing stays missing), those drawn for =. */
  readonly rowsChanged: number;
}

function applyTerm(column: SampleColumn, term: DriftTerm, rng: Rng): number {
  let changed = 0;
  if (column.kind === 'numeric') {
    const { values } = column;
    const set =
      term.kind === 'set' ? (term.value.trim() === '' ? NaN : parseNumber(term.value)) : 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? NaN;
      if (term.kind === 'set') {
        if (rng.next() >= term.probability) continue;
        values[i] = set;
      } else if (Number.isNaN(v)) continue;
      else values[i] = term.kind === 'multiply' ? v * term.factor : v + term.delta;
      changed++;
    }
    return changed;
  }
  if (term.kind !== 'set') return 0; // checkDriftColumns refuses * and + on categories
  let code = term.value === '' ? -1 : column.dictionary.indexOf(term.value);
  if (code < 0 && term.value !== '') code = column.dictionary.push(term.value) - 1;
  for (let i = 0; i < column.codes.length; i++) {
    if (rng.next() >= term.probability) continue;
    column.codes[i] = code;
    changed++;
  }
  return changed;
}

/** Applies the terms in order to the sample's columns (checked by `checkDriftColumns`). */
export function applyDrift(sample: Sample, terms: readonly DriftTerm[], rng: Rng): AppliedDrift[] {
  return terms.map((term) => {
    const column = sample.columns.get(term.column);
    const rowsChanged = column === undefined ? 0 : applyTerm(column, term, rng);
    return { term: describeDriftTerm(term), rowsChanged };
  });
}
