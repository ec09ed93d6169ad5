/**
 * The --drift spec: comma-separated terms applied in order to the sampled rows.
 * - `COL*f`       multiply a numeric column by f
 * - `COL+d`       add d to a numeric column (`COL+-8` subtracts)
 * - `COL=value@p` set the column to `value` in each row with probability p (0 < p ≤ 1); an empty
 *                 value sets it missing
 * Missing numeric values stay missing under `*` and `+`. Parsing checks the syntax only;
 * {@link checkDriftColumns} checks the columns against the data and the model.
 */
import { parseNumber } from '@champion/tabular';
import { SimulationError } from './errors.js';

export type DriftTerm =
  | { readonly kind: 'multiply'; readonly column: string; readonly factor: number }
  | { readonly kind: 'add'; readonly column: string; readonly delta: number }
  | {
      readonly kind: 'set';
      readonly column: string;
      readonly value: string;
      readonly probability: number;
    };

const SYNTAX = 'write COL*factor, COL+delta or COL=value@probability';

function bad(term: string, problem: string): SimulationError {
  return new SimulationError('DRIFT_SPEC', `--drift term '${term}': ${problem}.`);
}

function number(term: string, text: string, what: string): number {
  const n = parseNumber(text.trim());
  if (Number.isNaN(n)) throw bad(term, `${what} '${text}' is not a number`);
  return n;
}

function column(term: string, text: string): string {
  const name = text.trim();
  if (name === '') throw bad(term, `no column name; ${SYNTAX}`);
  return name;
}

function parseSet(term: string, equals: number): DriftTerm {
  const at = term.lastIndexOf('@');
  if (at < equals) throw bad(term, `no @probability after the value; ${SYNTAX}`);
  const probability = number(term, term.slice(at + 1), 'probability');
  if (!(probability > 0 && probability <= 1))
    throw bad(term, `probability ${probability} is outside (0, 1]`);
  return {
    kind: 'set',
    column: column(term, term.slice(0, equals)),
    value: term.slice(equals + 1, at),
    probability,
  };
}

/** One term; see the module header. */
export function parseDriftTerm(term: string): DriftTerm {
  const equals = term.indexOf('=');
  if (equals >= 0) return parseSet(term, equals);
  const times = term.indexOf('*');
  if (times >= 0) {
    return {
      kind: 'multiply',
      column: column(term, term.slice(0, times)),
      factor: number(term, term.slice(times + 1), 'factor'),
    };
  }
  const plus = term.indexOf('+');
  if (plus >= 0) {
    return {
      kind: 'add',
      column: column(term, term.slice(0, plus)),
      delta: number(term, term.slice(plus + 1), 'delta'),
    };
  }
  throw bad(term, SYNTAX);
}

/** The whole spec (empty terms between commas are an error, not ignored). */
export function parseDriftSpec(spec: string): DriftTerm[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((term) => {
    if (term.trim() === '') throw bad(term, `an empty term in '${spec}'; ${SYNTAX}`);
    return parseDriftTerm(term.trim());
  });
}

/** A term as the user wrote it (for the summary). */
export function describeDriftTerm(term: DriftTerm): string {
  if (term.kind === 'multiply') return `${term.column}*${term.factor}`;
  if (term.kind === 'add') return `${term.column}+${term.delta}`;
  return `${term.column}=${term.value}@${term.probability}`;
}

/**
 * Checks each term against the columns: the column must be a model feature present in the data,
 * `*` and `+` need a numeric one, and `=` on a numeric one needs a number (or empty: missing).
 */
export function checkDriftColumns(
  terms: readonly DriftTerm[],
  columns: ReadonlyMap<string, 'numeric' | 'categorical'>,
): void {
  for (const term of terms) {
    const text = describeDriftTerm(term);
    const kind = columns.get(term.column);
    if (kind === undefined) {
      throw bad(
        text,
        `unknown column '${term.column}'; the model's features are ${[...columns.keys()].join(', ')}`,
      );
    }
    if (term.kind !== 'set' && kind !== 'numeric')
      throw bad(
        text,
        `'${term.column}' is categorical; * and + apply to numeric columns, use ${term.column}=value@p`,
      );
    if (term.kind === 'set' && kind === 'numeric' && term.value.trim() !== '')
      number(text, term.value, `value for numeric column '${term.column}'`);
  }
}
