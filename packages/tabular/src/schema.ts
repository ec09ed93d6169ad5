/**
 * Schema inference: which columns are features (numeric or categorical), which is the target and
 * its positive class, which are ids or excluded — with a note for every decision a user might
 * question. Overrides always win over heuristics.
 */
import { TabularError } from './errors.js';
import { resolveTarget } from './target.js';
import type { Column, FeatureSchema, Table, TableSchema } from './table.js';

/** Options for {@link inferSchema}. */
export interface InferSchemaOptions {
  /** Name of the target column (required). */
  readonly target: string;
  /** Raw text of the positive class; default: a label like "1"/"yes"/"bad", else the minority class. */
  readonly positive?: string;
  /** Id columns; when given, the id heuristics are off. */
  readonly idColumns?: readonly string[];
  /** Columns that are neither features nor ids (e.g. leakage, protected attributes). */
  readonly exclude?: readonly string[];
  /** Columns to treat as categorical even though they hold numbers (e.g. `SEX`, `EDUCATION`). */
  readonly categorical?: readonly string[];
  /** File row numbers of the table rows (from the reader), for messages. */
  readonly rowNumbers?: ArrayLike<number>;
}

/** A schema plus what inference decided and why. */
export interface InferredSchema extends TableSchema {
  /** Human-readable decisions ("ID is an id column: its name looks like an id"). */
  readonly notes: readonly string[];
  /** Rows per target class. */
  readonly classCounts: Readonly<Record<string, number>>;
}

const ID_NAME = /^(id|rownames|row_names|unnamed: ?0)$|_id$/i;
/** Fewer rows than this and "every value is unique" says nothing. */
const MIN_ROWS_FOR_UNIQUE_HEURISTIC = 20;

function requireColumns(table: Table, names: readonly string[], what: string): void {
  const all = table.columns.map((c) => c.name);
  for (const name of names) {
    if (!all.includes(name)) {
      throw new TabularError({
        code: 'COLUMN_NOT_FOUND',
        message: `${what} column '${name}' not found; columns are: ${all.join(', ')}`,
      });
    }
  }
}

function allUniqueIntegers(values: Float64Array): boolean {
  const sorted = Float64Array.from(values).sort();
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? NaN;
    if (!Number.isInteger(v)) return false;
    if (i > 0 && v === sorted[i - 1]) return false;
  }
  return true;
}

function allUniqueStrings(column: Column & { kind: 'categorical' }): boolean {
  const seen = new Uint8Array(column.dictionary.length);
  for (const code of column.codes) {
    if (code < 0 || seen[code] === 1) return false;
    seen[code] = 1;
  }
  return true;
}

/** Why a column looks like an id, or undefined. */
function idReason(column: Column, rowCount: number): string | undefined {
  if (ID_NAME.test(column.name)) return 'its name looks like an id';
  if (rowCount < MIN_ROWS_FOR_UNIQUE_HEURISTIC) return undefined;
  if (column.kind === 'numeric' && allUniqueIntegers(column.values))
    return 'every value is a different integer';
  if (column.kind === 'categorical' && allUniqueStrings(column)) return 'every value is different';
  return undefined;
}

/** Why a column carries no information, or undefined. */
function uselessReason(column: Column): string | undefined {
  let first: number | undefined;
  const values = column.kind === 'numeric' ? column.values : column.codes;
  for (const v of values) {
    const missing = column.kind === 'numeric' ? Number.isNaN(v) : v < 0;
    if (missing) continue;
    if (first === undefined) first = v;
    else if (v !== first) return undefined;
  }
  return first === undefined ? 'every value is missing' : 'it has a single value';
}

/** Infers the schema of a binary-classification table; see {@link InferSchemaOptions}. */
export function inferSchema(table: Table, options: InferSchemaOptions): InferredSchema {
  const names = table.columns.map((c) => c.name);
  const targetColumn = table.columns.find((c) => c.name === options.target);
  if (targetColumn === undefined) {
    throw new TabularError({
      code: 'TARGET_NOT_FOUND',
      message: `target column '${options.target}' not found; columns are: ${names.join(', ')}`,
    });
  }
  requireColumns(table, options.idColumns ?? [], 'id');
  requireColumns(table, options.exclude ?? [], 'excluded');
  requireColumns(table, options.categorical ?? [], 'categorical');
  const target = resolveTarget({
    column: targetColumn,
    positive: options.positive,
    rowNumbers: options.rowNumbers,
  });
  const notes: string[] = [
    `positive class of '${targetColumn.name}' is '${target.positive}' (${target.reason})`,
  ];

  const forcedCategorical = new Set(options.categorical ?? []);
  const excludedGiven = new Set(options.exclude ?? []);
  const idColumns: string[] = [];
  const excluded: string[] = [];
  const features: FeatureSchema[] = [];
  for (const column of table.columns) {
    const { name } = column;
    if (name === targetColumn.name) continue;
    if (excludedGiven.has(name)) {
      excluded.push(name);
      continue;
    }
    if (options.idColumns !== undefined) {
      if (options.idColumns.includes(name)) {
        idColumns.push(name);
        continue;
      }
    } else if (!forcedCategorical.has(name)) {
      const reason = idReason(column, table.rowCount);
      if (reason !== undefined) {
        idColumns.push(name);
        notes.push(
          `'${name}' is treated as an id, not a feature: ${reason} (override with idColumns)`,
        );
        continue;
      }
    }
    const useless = uselessReason(column);
    if (useless !== undefined) {
      excluded.push(name);
      notes.push(`'${name}' is excluded: ${useless}`);
      continue;
    }
    const type =
      forcedCategorical.has(name) || column.kind === 'categorical' ? 'categorical' : 'numeric';
    features.push({ name, type });
  }
  if (features.length === 0) {
    throw new TabularError({
      code: 'BAD_OPTIONS',
      message: `no feature columns left after removing the target, ids and excluded columns (${names.join(', ')})`,
    });
  }
  return {
    features,
    target: {
      name: targetColumn.name,
      positive: target.positive,
      negative: target.negative,
      type: targetColumn.kind === 'numeric' ? 'numeric' : 'text',
    },
    idColumns,
    excluded,
    notes,
    classCounts: target.counts,
  };
}
