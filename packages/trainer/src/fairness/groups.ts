/**
 * Group keys of a sensitive column: each row's value as text, as the file holds it (numbers as
 * JavaScript prints them, e.g. `2`), and `(missing)` for a missing value.
 */
import { cellText, type Table } from '@champion/tabular';
import { TrainerError } from '../errors.js';

export const MISSING_GROUP = '(missing)';

/** One sensitive column: its name and each row's group key. */
export interface SensitiveColumn {
  readonly name: string;
  readonly keys: readonly string[];
}

/**
 * The group keys of `names` for `rows` (all rows when omitted). An unknown name is an error that
 * names it and lists the columns.
 */
export function sensitiveColumns(options: {
  table: Table;
  names: readonly string[];
  rows?: ArrayLike<number> | undefined;
  /** The file the table was read from, named in errors. */
  source?: string | undefined;
}): SensitiveColumn[] {
  const { table, rows } = options;
  const n = rows ? rows.length : table.rowCount;
  return options.names.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (column === undefined) {
      throw new TrainerError(
        'CONFIG',
        `${options.source ?? 'the data'}: sensitive column '${name}' not found; its columns are: ${table.columns.map((c) => c.name).join(', ')}`,
      );
    }
    const keys = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const text = cellText(column, rows ? (rows[i] ?? 0) : i);
      keys[i] = text === '' ? MISSING_GROUP : text;
    }
    return { name, keys };
  });
}

/** Row indices of each group, keys in natural order (`2` before `10`). */
export function groupRows(keys: readonly string[]): Map<string, Uint32Array> {
  const lists = new Map<string, number[]>();
  keys.forEach((key, row) => {
    const list = lists.get(key);
    if (list) list.push(row);
    else lists.set(key, [row]);
  });
  const order = [...lists.keys()].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }),
  );
  return new Map(order.map((key) => [key, Uint32Array.from(lists.get(key) ?? [])]));
}
