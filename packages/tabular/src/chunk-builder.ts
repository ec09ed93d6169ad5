/**
 * Fills typed arrays for one chunk from text records, validating as it goes: a numeric column's
 * non-number or a record with the wrong field count makes the row bad. Bad rows are either
 * collected as problems (reject) or kept aside with their raw text (set-aside); never dropped
 * silently.
 */
import type { BadValue } from './errors.js';
import { categoryField, numericField, plainDecimal } from './reading-rules/index.js';
import type { ColumnType, SetAsideRow, TableChunk } from './read-options.js';
import type { Column } from './table.js';

export interface ChunkBuilderOptions {
  readonly header: readonly string[];
  readonly types: readonly ColumnType[];
  readonly capacity: number;
  readonly isMissing: (text: string) => boolean;
  /**
   * Whether a plain decimal can never be a missing token (true for the default tokens), so
   * {@link ChunkBuilder.addLine} may parse one in place without asking `isMissing`.
   */
  readonly plainDecimalsArePresent?: boolean;
}

const EMPTY_PROBLEMS: BadValue[] = [];

export class ChunkBuilder {
  private readonly numeric: (Float64Array | undefined)[];
  private readonly codes: (Int32Array | undefined)[];
  private readonly dictionaries: (Map<string, number> | undefined)[];
  private readonly rowNumbers: Float64Array;
  private readonly setAside: SetAsideRow[] = [];
  private readonly numericIndexes: number[];
  private readonly categoricalIndexes: number[];
  /** Start and end of each field of the line being added (addLine). */
  private readonly bounds: Int32Array;
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
    this.bounds = new Int32Array(2 * types.length);
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
      const value = numericField(text, isMissing);
      if (value === null) {
        problems ??= [];
        problems.push(notANumber(row, header[c] as string, text));
      }
      (this.numeric[c] as Float64Array)[at] = value ?? NaN;
    }
    if (problems !== undefined) return problems;
    // Categorical values are recorded only for good rows, so a bad row adds no category.
    for (const c of this.categoricalIndexes) {
      (this.codes[c] as Int32Array)[at] = this.code(
        c,
        categoryField(fields[c] as string, isMissing),
      );
    }
    this.rowNumbers[at] = row;
    this.count++;
    return [];
  }

  /** The code of category `text` of column `c` (added when new), -1 when missing. */
  private code(c: number, text: string | null): number {
    if (text === null) return -1;
    const dictionary = this.dictionaries[c] as Map<string, number>;
    let code = dictionary.get(text);
    if (code === undefined) {
      code = dictionary.size;
      dictionary.set(text, code);
    }
    return code;
  }

  /**
   * Adds one record given as its unsplit, quote-free line; same result as `add` of its fields,
   * but numeric fields are parsed in place, so only categorical values become strings.
   */
  addLine(line: string, row: number, delimiter: string): BadValue[] {
    const { header, isMissing } = this.options;
    const width = header.length;
    const bounds = this.bounds;
    let fieldCount = 0;
    let start = 0;
    for (;;) {
      const stop = line.indexOf(delimiter, start);
      const end = stop === -1 ? line.length : stop;
      if (fieldCount < width) {
        bounds[2 * fieldCount] = start;
        bounds[2 * fieldCount + 1] = end;
      }
      fieldCount++;
      if (stop === -1) break;
      start = stop + 1;
    }
    if (fieldCount !== width) return this.add(line.split(delimiter), row);
    const at = this.count;
    const inPlace = this.options.plainDecimalsArePresent === true;
    let problems: BadValue[] | undefined;
    for (const c of this.numericIndexes) {
      const from = bounds[2 * c] as number;
      const to = bounds[2 * c + 1] as number;
      let value = inPlace && to > from ? plainDecimal(line, from, to) : NaN;
      if (Number.isNaN(value) && to > from) {
        const text = line.slice(from, to);
        const read = numericField(text, isMissing);
        if (read === null) {
          problems ??= [];
          problems.push(notANumber(row, header[c] as string, text));
        }
        value = read ?? NaN;
      }
      (this.numeric[c] as Float64Array)[at] = value;
    }
    if (problems !== undefined) return problems;
    for (const c of this.categoricalIndexes) {
      const from = bounds[2 * c] as number;
      const to = bounds[2 * c + 1] as number;
      const text = to > from ? categoryField(line.slice(from, to), isMissing) : null;
      (this.codes[c] as Int32Array)[at] = this.code(c, text);
    }
    this.rowNumbers[at] = row;
    this.count++;
    return EMPTY_PROBLEMS;
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

function notANumber(row: number, column: string, value: string): BadValue {
  return { row, column, value, problem: 'is not a number' };
}

function trim<T extends Int32Array | Float64Array>(array: T, n: number): T {
  return n === array.length ? array : (array.slice(0, n) as T);
}
