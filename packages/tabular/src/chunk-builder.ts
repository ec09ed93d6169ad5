/**
 * Fills typed arrays for one chunk from text records, validating as it goes: a numeric column's
 * non-number or a record with the wrong field count makes the row bad. Bad rows are either
 * collected as problems (reject) or kept aside with their raw text (set-aside); never dropped
 * silently.
 */
import type { BadValue } from './errors.js';
import { parseNumber } from './missing.js';
import type { ColumnType, SetAsideRow, TableChunk } from './read-options.js';
import type { Column } from './table.js';

export interface ChunkBuilderOptions {
  readonly header: readonly string[];
  readonly types: readonly ColumnType[];
  readonly capacity: number;
  readonly isMissing: (text: string) => boolean;
}

export class ChunkBuilder {
  private readonly numeric: (Float64Array | undefined)[];
  private readonly codes: (Int32Array | undefined)[];
  private readonly dictionaries: (Map<string, number> | undefined)[];
  private readonly rowNumbers: Float64Array;
  private readonly setAside: SetAsideRow[] = [];
  private readonly numericIndexes: number[];
  private readonly categoricalIndexes: number[];
  private count = 0;

  constructor(private readonly options: ChunkBuilderOptions) {
    const { types, capacity } = options;
    this.numeric = types.map((t) => (t === 'numeric' ? new Float64Array(capacity) : undefined));
    this.codes = types.map((t) => (t === 'categorical' ? new Int32Array(capacity) : undefined));
    this.dictionaries = types.map((t) =>
      t === 'categorical' ? new Map<string, number>() : undefined,
    );
    this.rowNumbers = new Float64Array(capacity);
    this.numericIndexes = types.flatMap((t, i) => (t === 'numeric' ? [i] : []));
    this.categoricalIndexes = types.flatMap((t, i) => (t === 'categorical' ? [i] : []));
  }

  get rows(): number {
    return this.count;
  }

  get setAsideCount(): number {
    return this.setAside.length;
  }

  get full(): boolean {
    return this.count >= this.options.capacity;
  }

  /** Adds one record; returns its problems (empty when the row was added). */
  add(fields: readonly string[], row: number): BadValue[] {
    const { header, isMissing } = this.options;
    if (fields.length !== header.length) {
      return [
        {
          row,
          column: '',
          value: '',
          problem: `has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.length} columns`,
        },
      ];
    }
    const at = this.count;
    let problems: BadValue[] | undefined;
    for (const c of this.numericIndexes) {
      const text = fields[c] as string;
      let value = NaN;
      if (!isMissing(text)) {
        value = parseNumber(text);
        if (Number.isNaN(value)) {
          problems ??= [];
          problems.push({
            row,
            column: header[c] as string,
            value: text,
            problem: 'is not a number',
          });
        }
      }
      (this.numeric[c] as Float64Array)[at] = value;
    }
    if (problems !== undefined) return problems;
    // Categorical values are recorded only for good rows, so a bad row adds no category.
    for (const c of this.categoricalIndexes) {
      const text = fields[c] as string;
      let code = -1;
      if (!isMissing(text)) {
        const dictionary = this.dictionaries[c] as Map<string, number>;
        code = dictionary.get(text) ?? -1;
        if (code < 0) {
          code = dictionary.size;
          dictionary.set(text, code);
        }
      }
      (this.codes[c] as Int32Array)[at] = code;
    }
    this.rowNumbers[at] = row;
    this.count++;
    return [];
  }

  addSetAside(entry: SetAsideRow): void {
    this.setAside.push(entry);
  }

  /** The chunk so far, trimmed to its row count. */
  build(): TableChunk {
    const n = this.count;
    const columns: Column[] = this.options.header.map((name, c) => {
      const values = this.numeric[c];
      if (values !== undefined)
        return { name, kind: 'numeric', values: n === values.length ? values : values.slice(0, n) };
      return {
        name,
        kind: 'categorical',
        codes: trim(this.codes[c] as Int32Array, n),
        dictionary: [...(this.dictionaries[c] as Map<string, number>).keys()],
      };
    });
    return {
      table: { rowCount: n, columns },
      rowNumbers: trim(this.rowNumbers, n),
      setAside: this.setAside,
    };
  }
}

function trim<T extends Int32Array | Float64Array>(array: T, n: number): T {
  return n === array.length ? array : (array.slice(0, n) as T);
}
