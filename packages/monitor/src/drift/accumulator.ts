/**
 * Builds one side's {@link DatasetData} incrementally: feed it tables (chunks of a file) or
 * records (rows from the inference store), then `finish()`. Numeric values go to growing typed
 * arrays (8 bytes a value), categories to counts, so memory is bounded by the numeric cells.
 */
import type { Table } from '@champion/tabular';
import type { ColumnData, DatasetData } from './column-data.js';
import { numberKey } from './column-data.js';
import { compressSample, sampleFromValues } from './stats/sample.js';

/** What a reader feeds one column with. */
export interface ColumnSink {
  /** Whether the column still holds only numbers. */
  readonly numeric: boolean;
  addNumber(value: number): void;
  addCategory(key: string, count?: number): void;
  addMissing(): void;
}

class ColumnState implements ColumnSink {
  numbers = new Float64Array(1024);
  size = 0;
  missing = 0;
  integral = true;
  categories: Map<string, number> | undefined;

  constructor(readonly name: string) {}

  get numeric(): boolean {
    return this.categories === undefined;
  }

  addMissing(): void {
    this.missing++;
  }

  addNumber(value: number): void {
    if (Number.isNaN(value)) {
      this.missing++;
      return;
    }
    if (this.categories !== undefined) {
      this.addCategory(numberKey(value));
      return;
    }
    if (!Number.isInteger(value)) this.integral = false;
    if (this.size === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.size++] = value;
  }

  addCategory(key: string, count = 1): void {
    if (this.categories === undefined) this.toCategories();
    const map = this.categories as Map<string, number>;
    map.set(key, (map.get(key) ?? 0) + count);
  }

  /** A text value in a numeric column makes it text (pandas reads it as object). */
  private toCategories(): void {
    const map = new Map<string, number>();
    for (let i = 0; i < this.size; i++) {
      const key = numberKey(this.numbers[i] ?? NaN);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    this.categories = map;
    this.numbers = new Float64Array(0);
    this.size = 0;
  }

  finish(rows: number): ColumnData {
    if (this.categories !== undefined) {
      let total = 0;
      for (const c of this.categories.values()) total += c;
      return {
        name: this.name,
        kind: 'categorical',
        storage: 'object',
        rows,
        missing: this.missing,
        categories: { counts: this.categories, total, numeric: false },
      };
    }
    const raw = sampleFromValues(this.numbers.subarray(0, this.size));
    this.numbers = new Float64Array(0);
    const compressed = compressSample(raw);
    const sample = compressed.values.length * 2 <= raw.values.length ? compressed : raw;
    // pandas reads a column with a missing cell as float64, whole numbers otherwise as int64.
    const storage = this.integral && this.missing === 0 ? 'int' : 'float';
    return { name: this.name, kind: 'numeric', storage, rows, missing: this.missing, sample };
  }
}

/** Collects a dataset's columns for drift, from chunks or from records. */
export class DriftAccumulator {
  private readonly states = new Map<string, ColumnState>();
  private rowCount = 0;

  constructor(columns?: readonly string[]) {
    for (const name of columns ?? []) this.state(name);
  }

  get rows(): number {
    return this.rowCount;
  }

  private state(name: string): ColumnState {
    let state = this.states.get(name);
    if (state === undefined) {
      state = new ColumnState(name);
      this.states.set(name, state);
    }
    return state;
  }

  /** One sink per column, in order (for readers that feed cells themselves). */
  sinks(): ColumnSink[] {
    return [...this.states.values()];
  }

  /** Counts a row fed through {@link sinks}. */
  countRow(): void {
    this.rowCount++;
  }

  /** Adds a table (e.g. a chunk from tabular's `readChunks`). */
  addTable(table: Table): void {
    for (const column of table.columns) {
      const state = this.state(column.name);
      if (column.kind === 'numeric') {
        for (let i = 0; i < column.values.length; i++) state.addNumber(column.values[i] ?? NaN);
        continue;
      }
      const counts = new Float64Array(column.dictionary.length);
      for (let i = 0; i < column.codes.length; i++) {
        const code = column.codes[i] ?? -1;
        if (code < 0) state.missing++;
        else counts[code] = (counts[code] ?? 0) + 1;
      }
      column.dictionary.forEach((key, code) => {
        if ((counts[code] ?? 0) > 0) state.addCategory(key, counts[code]);
      });
    }
    this.rowCount += table.rowCount;
  }

  /** Adds one record (null, undefined or an empty string is missing). */
  addRecord(record: Readonly<Record<string, number | string | null | undefined>>): void {
    if (this.states.size === 0) for (const name of Object.keys(record)) this.state(name);
    for (const state of this.states.values()) {
      const value = record[state.name];
      if (value === null || value === undefined || value === '') state.missing++;
      else if (typeof value === 'number') state.addNumber(value);
      else state.addCategory(value);
    }
    this.rowCount++;
  }

  finish(): DatasetData {
    const columns = [...this.states.values()].map((s) => s.finish(this.rowCount));
    return { rows: this.rowCount, columns };
  }
}
