/**
 * Reads, scores and formats a block of CSV lines inside a scoring worker (workers/compiled.ts),
 * so both cores share the reading work instead of the main thread doing it alone. The block
 * stays UTF-8 bytes: numbers go from the bytes straight into the matrix the compiled trees read,
 * and output lines are written as bytes (only category names and unusual fields become strings).
 *
 * This module only finds fields and lines; what a field becomes is tabular's reading rules
 * (numbers, missing tokens, categories, line ends), the same functions tabular's reader calls.
 * A line it cannot take as it is (a field count other than the header's, a field that is not a
 * number, a kept text that would need quoting) comes back as a "slow" line, which the main
 * thread reads with tabular's reader for the reject and its reason (fast-csv.ts), so what a row
 * becomes never depends on which path read it.
 */
import {
  byteLineContentEnd,
  categoryField,
  missingTest,
  numericField,
  PlainDecimalScanner,
  plainDecimalFromBytes,
} from '@champion/tabular/reading-rules';
import type { ScoreFunction } from '@champion/runtime/compiled';
import { formatBlockBytes, type KeptFields } from './block-format.js';

/** Where the model's inputs and the kept columns are in the file's lines. */
export interface BlockLayout {
  /** Fields per line (the header's). */
  readonly width: number;
  /** For each model input, in input order: its field and whether it is numeric. */
  readonly features: readonly { readonly at: number; readonly numeric: boolean }[];
  /** For each kept column: its field, and whether it is a numeric feature (printed as a number). */
  readonly keep: readonly { readonly at: number; readonly numeric: boolean }[];
  /** Texts that mean "missing" (tabular's tokens; '' always). */
  readonly missing: readonly string[];
  /** Quoted label texts for 0 and 1, and the quoted model version. */
  readonly labels: readonly [string, string];
  readonly version: string;
}

/** What a block became: output lines (in order) and the lines left to the main thread. */
export interface BlockResult {
  /** Records (non-blank lines) in the block. */
  readonly records: number;
  /** Output lines of every record as UTF-8, each ending in LF; only when no line was slow. */
  readonly bytes?: Uint8Array;
  /** Output line per record, `null` for slow ones; only when some line was slow. */
  readonly lines?: readonly (string | null)[];
  /** Slow lines: index among the block's records, and the line. */
  readonly slow: readonly { readonly index: number; readonly line: string }[];
}

const COMMA = 44;
const LF = 10;
const CR = 13;
const utf8 = new TextDecoder();
const encoder = new TextEncoder();

const scanner = new PlainDecimalScanner();
// The matrix the trees read, kept from block to block (a new one per block costs a GC per block).
let blockMatrix = new Float32Array(0);

/** Where the field at `from` ends: its comma, its line's LF, or the end of the bytes. */
function fieldEnd(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b === COMMA || b === LF) break;
    i++;
  }
  return i;
}

/** Whether the CR at `at` ends the line (an LF or the end of the bytes follows). */
function lineEndsAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === CR && (at + 1 === bytes.length || bytes[at + 1] === LF);
}

/** Whether bytes `[from, to)` are all ASCII. */
function isAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((bytes[i] as number) >= 128) return false;
  return true;
}

/** The text of UTF-8 bytes `[from, to)` (short ASCII without the decoder: most categories). */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 64 && isAscii(bytes, from, to)) {
    return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return utf8.decode(bytes.subarray(from, to));
}

/** The layout as per-field tables, made once per block. */
class FieldPlan {
  readonly width: number;
  readonly inputs: number;
  /** Model input of each field, or -1. */
  readonly role: Int32Array;
  /** 1 where a model input is numeric. */
  readonly numeric: Uint8Array;
  /** Kept column of each field, or -1. */
  readonly keepOf: Int32Array;
  /** 1 for a field that is a numeric input and not kept (most fields): parsed in the loop. */
  readonly plainNumber: Uint8Array;
  /** Per kept column: whether it is a numeric feature (kept as its number). */
  readonly keepNumeric: readonly boolean[];
  readonly isMissing: (text: string) => boolean;
  /** Bytes of the longest missing token: a longer field is never missing. */
  readonly longestToken: number;

  constructor(layout: BlockLayout) {
    this.width = layout.width;
    this.inputs = layout.features.length;
    this.role = new Int32Array(layout.width).fill(-1);
    layout.features.forEach((f, i) => (this.role[f.at] = i));
    this.numeric = Uint8Array.from(layout.features, (f) => (f.numeric ? 1 : 0));
    this.keepOf = new Int32Array(layout.width).fill(-1);
    layout.keep.forEach((k, i) => (this.keepOf[k.at] = i));
    this.keepNumeric = layout.keep.map((k) => k.numeric);
    this.plainNumber = Uint8Array.from(this.role, (f, c) =>
      f >= 0 && this.numeric[f] === 1 && this.keepOf[c] === -1 ? 1 : 0,
    );
    this.isMissing = missingTest(layout.missing);
    this.longestToken = Math.max(0, ...layout.missing.map((t) => encoder.encode(t).length));
  }
}

/** One block being read: the matrix, the kept fields, and the lines left to the main thread. */
class BlockParse {
  readonly x: Float32Array;
  readonly kept: KeptFields;
  readonly slow: { index: number; line: string }[] = [];
  /** Record index of each row read here. */
  readonly fastIndex: number[] = [];
  rows = 0;
  records = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly plan: FieldPlan,
    readonly score: ScoreFunction,
  ) {
    // A record has at least width - 1 commas and a line end: this bounds the rows of the block.
    const capacity = Math.floor(bytes.length / Math.max(1, plan.width)) + 1;
    if (blockMatrix.length < capacity * plan.inputs) {
      blockMatrix = new Float32Array(capacity * plan.inputs);
    }
    this.x = blockMatrix;
    this.kept = { values: [], from: [], to: [], reencoded: [] };
    plan.keepNumeric.forEach((numeric, k) => {
      this.kept.values[k] = numeric ? new Float64Array(capacity) : null;
      this.kept.from[k] = numeric ? null : new Int32Array(capacity);
      this.kept.to[k] = numeric ? null : new Int32Array(capacity);
    });
  }

  /** Reads every line of the block. */
  readAll(): void {
    const { bytes } = this;
    const n = bytes.length;
    let pos = 0;
    while (pos < n) {
      // A blank line (LF or CR LF alone) is not a record.
      if (bytes[pos] === LF) {
        pos++;
        continue;
      }
      if (bytes[pos] === CR && (pos + 1 === n || bytes[pos + 1] === LF)) {
        pos += 2;
        continue;
      }
      const record = this.records++;
      const end = this.readRow(pos);
      if (end >= 0) {
        this.fastIndex.push(record);
        this.rows++;
        pos = end + 1;
        continue;
      }
      let lineEnd = bytes.indexOf(LF, pos);
      if (lineEnd === -1) lineEnd = n;
      const line = utf8.decode(bytes.subarray(pos, byteLineContentEnd(bytes, pos, lineEnd)));
      this.slow.push({ index: record, line });
      pos = lineEnd + 1;
    }
  }

  /** Reads the line at `pos` as row `rows`; returns where it ends (its LF), or -1 when slow. */
  private readRow(start: number): number {
    // Locals, not `this.` lookups, in the loop every field of the file goes through.
    const { bytes, plan, x } = this;
    const { width, role, keepOf, plainNumber } = plan;
    const n = bytes.length;
    const base = this.rows * plan.inputs;
    let pos = start;
    let stop = start;
    for (let c = 0; c < width; c++) {
      const last = c === width - 1;
      const f = role[c] as number;
      if (plainNumber[c] === 1) {
        // The common field: a number, parsed while its end is found.
        const value = scanner.scan(bytes, pos, n);
        stop = scanner.end;
        const b = stop < n ? (bytes[stop] as number) : LF;
        if (
          value === value &&
          (b === COMMA ? !last : last && (b === LF || lineEndsAt(bytes, stop)))
        ) {
          x[base + f] = value;
          pos = (b === CR ? stop + 1 : stop) + 1;
          if (b === CR) stop++;
          continue;
        }
      }
      stop = fieldEnd(bytes, pos);
      const b = stop < n ? (bytes[stop] as number) : LF;
      // Another field count than the header's: left to tabular's reader, which says so.
      if (last ? b === COMMA : b !== COMMA) return -1;
      const end = last ? byteLineContentEnd(bytes, pos, stop) : stop;
      if ((f >= 0 || keepOf[c] !== -1) && !this.readField(c, pos, end)) return -1;
      pos = stop + 1;
    }
    return stop;
  }

  /** Reads field `c`, bytes `[from, to)`, into the row; false when the line must go slow. */
  private readField(c: number, from: number, to: number): boolean {
    const { bytes, plan, rows } = this;
    const f = plan.role[c] as number;
    const k = plan.keepOf[c] as number;
    if (f >= 0 && plan.numeric[f] === 1) {
      let value = plainDecimalFromBytes(bytes, from, to);
      if (value !== value && to > from) {
        const read = numericField(textOf(bytes, from, to), plan.isMissing);
        if (read === null) return false; // not a number: a reject, with tabular's reason
        value = read;
      }
      this.x[rows * plan.inputs + f] = value;
      const values = k >= 0 ? this.kept.values[k] : null;
      if (values) values[rows] = value;
      return true;
    }
    if (f < 0) {
      // Kept, not a feature: its text is needed only when it may be a missing token.
      const missing = to - from <= plan.longestToken && plan.isMissing(textOf(bytes, from, to));
      return this.keepText(k, { from, to, missing });
    }
    const text = to > from ? categoryField(textOf(bytes, from, to), plan.isMissing) : null;
    this.x[rows * plan.inputs + f] = this.score.encode(f, text ?? '');
    if (k >= 0) return this.keepText(k, { from, to, missing: text === null });
    return true;
  }

  /** Keeps a text field for the output: its bytes, or its re-encoded text when not ASCII. */
  private keepText(k: number, field: { from: number; to: number; missing: boolean }): boolean {
    const { bytes, rows, kept } = this;
    const from = kept.from[k] as Int32Array;
    const to = kept.to[k] as Int32Array;
    if (field.missing) {
      from[rows] = -1;
      return true;
    }
    // A CR inside a kept text would need quoting: tabular's writer does that (slow line).
    for (let i = field.from; i < field.to; i++) if (bytes[i] === CR) return false;
    if (isAscii(bytes, field.from, field.to)) {
      from[rows] = field.from;
      to[rows] = field.to;
      return true;
    }
    // Decoded and encoded again, as the chunked path writes it (invalid UTF-8 becomes U+FFFD).
    from[rows] = -2;
    to[rows] = kept.reencoded.length;
    kept.reencoded.push(encoder.encode(utf8.decode(bytes.subarray(field.from, field.to))));
    return true;
  }
}

/**
 * Reads, scores and formats `bytes` (whole UTF-8 lines; the last may lack its line end) with
 * `score`, a compiled program's scoring function (its `matrix` and `encode` members).
 */
export function scoreBlock(
  bytes: Uint8Array,
  layout: BlockLayout,
  score: ScoreFunction,
): BlockResult {
  const block = new BlockParse(bytes, new FieldPlan(layout), score);
  block.readAll();
  const { rows, records, slow } = block;
  const scores = score.matrix(block.x, rows);
  const out = formatBlockBytes({ bytes, kept: block.kept, layout }, scores, rows);
  if (slow.length === 0) return { records, bytes: out, slow };
  const formatted = rows === 0 ? [] : utf8.decode(out).split('\n');
  const lines = new Array<string | null>(records).fill(null);
  for (let r = 0; r < rows; r++) lines[block.fastIndex[r] as number] = formatted[r] as string;
  return { records, lines, slow };
}
