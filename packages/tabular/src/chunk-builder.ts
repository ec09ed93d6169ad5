/**
 * Fills typed arrays for one chunk from text records, validating as it goes: a numeric column's
 * non-number or a record with the wrong field count makes the row bad. Bad rows are either
 * collected as problems (reject) or kept aside with their raw text (set-aside); never dropped
 * silently.
 */
import type { BadValue } from './errors.js';
import { DOT, MINUS, POW10, ZERO } from './fast-number.js';
import { parseNumber } from './missing.js';
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
  /** Each field's value when it is a plain decimal, else NaN (addLine). */
  private readonly plain: Float64Array;
  /** 1 for numeric columns (addLine). */
  private readonly numericAt: Uint8Array;
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
    this.plain = new Float64Array(types.length);
    this.numericAt = Uint8Array.from(types, (t) => (t === 'numeric' ? 1 : 0));
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

  /**
   * Adds one record given as its unsplit, quote-free line; same result as `add` of its fields,
   * but numeric fields are parsed in place, so only categorical values become strings. One pass
   * over the characters finds the fields and parses the plain decimals (`-?\d+(\.\d+)?`, at
   * most 15 digits: the mantissa and power of ten are exact, so one division rounds correctly and
   * equals `Number(text)`); any other numeric text goes through `isMissing` and `parseNumber`.
   */
  addLine(line: string, row: number, delimiter: string): BadValue[] {
    const { header, isMissing } = this.options;
    const width = header.length;
    const bounds = this.bounds;
    const plain = this.plain;
    const numericAt = this.numericAt;
    const inPlace = this.options.plainDecimalsArePresent === true;
    const delimiterCode = delimiter.charCodeAt(0);
    const length = line.length;
    let pos = 0;
    for (let c = 0; c < width; c++) {
      if (pos > length) return this.add(line.split(delimiter), row); // too few fields
      const start = pos;
      let negative = false;
      let mantissa = 0;
      let digits = 0;
      let fraction = -1;
      let ok = inPlace && numericAt[c] === 1;
      if (ok && pos < length && line.charCodeAt(pos) === MINUS) {
        negative = true;
        pos++;
      }
      for (; pos < length; pos++) {
        const code = line.charCodeAt(pos);
        if (code === delimiterCode) break;
        if (!ok) continue;
        const d = code - ZERO;
        if (d >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d;
          digits++;
          if (fraction >= 0) fraction++;
        } else if (code === DOT && fraction < 0 && digits > 0) fraction = 0;
        else ok = false;
      }
      bounds[2 * c] = start;
      bounds[2 * c + 1] = pos;
      // '5.' and '.5' are numbers to Number() too, but rare: they take the slow path.
      if (ok && digits > 0 && digits <= 15 && fraction !== 0) {
        const magnitude = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
        plain[c] = negative ? -magnitude : magnitude;
      } else plain[c] = NaN;
      pos++; // past the delimiter, or past the end
    }
    if (pos <= length) return this.add(line.split(delimiter), row); // too many fields
    const at = this.count;
    let problems: BadValue[] | undefined;
    for (const c of this.numericIndexes) {
      let value = plain[c] as number;
      const from = bounds[2 * c] as number;
      const to = bounds[2 * c + 1] as number;
      if (value !== value && to > from) {
        const text = line.slice(from, to);
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
      }
      (this.numeric[c] as Float64Array)[at] = value;
    }
    if (problems !== undefined) return problems;
    for (const c of this.categoricalIndexes) {
      const from = bounds[2 * c] as number;
      const to = bounds[2 * c + 1] as number;
      let code = -1;
      if (to > from) {
        const text = line.slice(from, to);
        if (!isMissing(text)) {
          const dictionary = this.dictionaries[c] as Map<string, number>;
          code = dictionary.get(text) ?? -1;
          if (code < 0) {
            code = dictionary.size;
            dictionary.set(text, code);
          }
        }
      }
      (this.codes[c] as Int32Array)[at] = code;
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

function trim<T extends Int32Array | Float64Array>(array: T, n: number): T {
  return n === array.length ? array : (array.slice(0, n) as T);
}
