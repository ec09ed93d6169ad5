/**
 * Fills a FeatureBatch column by column in one pass over the request: Float32Array for numeric
 * features, string[] for categorical ones. Every bad value is recorded (up to MAX_DETAILS, all of
 * them counted) and `finish()` throws one error naming them, so a client fixes everything at once.
 * Paths are only formatted for bad values, keeping the happy path free of string building.
 */
import { DEFAULT_MISSING_TOKENS, parseNumber } from '@champion/tabular';
import type { FeatureBatch } from '@champion/runtime';
import { ServingHttpError, type ProblemDetail } from '../errors.js';
import { acceptsNumber, type CompiledFeatures } from './compile.js';

/** Details kept in one error body; the message still gives the total. */
export const MAX_DETAILS = 1000;
const FLOAT32_MAX = 3.4028234663852886e38;
const MISSING_TEXT = new Set(DEFAULT_MISSING_TOKENS);

/** Formats where row `row`'s field `field` sits in the request body. */
export type PathOf = (row: number, field: string) => string;

/** A record id echoed back: what the client sent, string or number. */
export type RecordId = string | number;

/** A category outside the training vocabulary that was scored as missing. */
export interface UnseenCategory {
  readonly row: number;
  readonly feature: number;
  readonly value: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean')
    return `a ${typeof value} (${String(value)})`;
  return `a ${typeof value}`;
}

export class BatchBuilder {
  readonly rows: number;
  readonly columns: (Float32Array | string[])[];
  /**
   * Numeric values as sent (float64), for the inference log: the model sees float32, but the
   * log should show 0.153, not 0.15299999713897705. Missing values are NaN.
   */
  readonly sent: (Float64Array | undefined)[];
  /** Record ids by row, allocated on the first id seen. */
  ids: (RecordId | undefined)[] | undefined;
  /** Values outside the training vocabulary that were passed through as missing, in row order. */
  readonly unseen: UnseenCategory[] = [];
  readonly #compiled: CompiledFeatures;
  readonly #pathOf: PathOf;
  readonly #problems: ProblemDetail[] = [];
  #problemCount = 0;

  constructor(options: { compiled: CompiledFeatures; rows: number; pathOf: PathOf }) {
    this.#compiled = options.compiled;
    this.#pathOf = options.pathOf;
    this.rows = options.rows;
    this.sent = options.compiled.numeric.map((isNumeric) =>
      isNumeric ? new Float64Array(options.rows) : undefined,
    );
    this.columns = options.compiled.numeric.map((isNumeric) =>
      isNumeric ? new Float32Array(options.rows) : new Array<string>(options.rows).fill(''),
    );
  }

  get compiled(): CompiledFeatures {
    return this.#compiled;
  }

  /** Records a problem at an explicit path (shape errors: not an object, wrong row length...). */
  problemAt(path: string, problem: string): void {
    this.#problemCount++;
    if (this.#problems.length < MAX_DETAILS) this.#problems.push({ path, problem });
  }

  /** Records a problem with row `row`'s field `field`. */
  problem(row: number, field: string, problem: string): void {
    this.#problemCount++;
    if (this.#problems.length < MAX_DETAILS)
      this.#problems.push({ path: this.#pathOf(row, field), problem });
  }

  /** A feature absent from a record (as opposed to present and null). */
  absent(row: number, feature: number): void {
    this.problem(
      row,
      this.#name(feature),
      'required field is missing; send null for a missing value',
    );
  }

  /** Sets a value that came from JSON. */
  setJson(row: number, feature: number, value: unknown): void {
    if (this.#compiled.numeric[feature] === true) {
      if (typeof value === 'number') {
        if (!Number.isFinite(value) || Math.abs(value) > FLOAT32_MAX) {
          this.problem(
            row,
            this.#name(feature),
            `number ${String(value)} is out of range (float32)`,
          );
        } else this.#setNumber(row, feature, value);
      } else if (value === null || value === '') {
        this.#setNumber(row, feature, NaN);
      } else {
        this.problem(row, this.#name(feature), `expected a number or null, got ${describe(value)}`);
      }
      return;
    }
    if (typeof value === 'string') this.#setCategory(row, feature, value);
    else if (value === null) (this.columns[feature] as string[])[row] = '';
    else {
      const named =
        typeof value === 'number' ? acceptsNumber(this.#compiled, feature, value) : undefined;
      if (named !== undefined) this.#setCategory(row, feature, named);
      else this.problem(row, this.#name(feature), this.#notACategory(value));
    }
  }

  #notACategory(value: unknown): string {
    const hint =
      typeof value === 'number'
        ? "; this feature's categories are not numbers, send the category as a string"
        : '';
    return `expected a category (string) or null, got ${describe(value)}${hint}`;
  }

  /** Sets a value that came from text (CSV): missing tokens are missing, numbers are parsed. */
  setText(row: number, feature: number, text: string): void {
    const missing = MISSING_TEXT.has(text);
    if (this.#compiled.numeric[feature] === true) {
      if (missing) {
        this.#setNumber(row, feature, NaN);
        return;
      }
      const v = parseNumber(text);
      if (Number.isNaN(v) || Math.abs(v) > FLOAT32_MAX) {
        this.problem(
          row,
          this.#name(feature),
          `expected a number or an empty field, got ${describe(text)}`,
        );
      } else this.#setNumber(row, feature, v);
      return;
    }
    if (missing) (this.columns[feature] as string[])[row] = '';
    else this.#setCategory(row, feature, text);
  }

  setId(row: number, value: unknown): void {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      this.ids ??= new Array<RecordId | undefined>(this.rows);
      this.ids[row] = value;
    } else if (value !== null && value !== undefined) {
      this.problem(
        row,
        this.#compiled.idField ?? 'id',
        `expected a string or number id, got ${describe(value)}`,
      );
    }
  }

  /** The batch, or a 422 naming every bad value. */
  finish(): FeatureBatch {
    if (this.#problemCount > 0) {
      const shown =
        this.#problems.length < this.#problemCount
          ? ` (the first ${this.#problems.length} are listed)`
          : '';
      throw new ServingHttpError({
        code: 'INVALID_RECORDS',
        message: `${this.#problemCount} invalid value${this.#problemCount === 1 ? '' : 's'} in the request${shown}; see details.`,
        details: this.#problems,
      });
    }
    return { rows: this.rows, columns: this.columns };
  }

  #name(feature: number): string {
    return this.#compiled.names[feature] ?? String(feature);
  }

  #setNumber(row: number, feature: number, value: number): void {
    (this.columns[feature] as Float32Array)[row] = value;
    (this.sent[feature] as Float64Array)[row] = value;
  }

  #setCategory(row: number, feature: number, value: string): void {
    const known = this.#compiled.categories[feature];
    if (value !== '' && known !== undefined && !known.has(value)) {
      if (this.#compiled.unseen === 'reject') {
        const sample = [...known]
          .slice(0, 10)
          .map((c) => JSON.stringify(c))
          .join(', ');
        this.problem(
          row,
          this.#name(feature),
          `unknown category ${JSON.stringify(value)}; expected one of ${sample}${known.size > 10 ? ', …' : ''} (or null)`,
        );
        return;
      }
      this.unseen.push({ row, feature, value });
    }
    (this.columns[feature] as string[])[row] = value;
  }
}
