/**
 * THE reading rules: how the text of a CSV field becomes a feature value, for every reader in
 * champion (tabular's chunked reader, the batch scorer's block reader in its workers, the HTTP
 * record builder). A rule changes here, once; the readers only find fields and call these.
 *
 * - Missing: a field equal to one of the missing tokens (exactly, no trimming) or empty.
 * - Numbers: `Number(text)` when it is finite, except blank text and 0x/0b/0o literals
 *   ({@link parseNumber}); anything else in a numeric column is "not a number" (a bad row).
 * - Categories: the field's text as it is (no trimming, no case folding), unless missing.
 * - Lines: LF or CR LF ends a record (a lone CR inside a line is text), blank lines are not
 *   records, a UTF-8 byte order mark before the header is dropped.
 * - Quoting (RFC 4180): a field holding a delimiter, quote, CR or LF is quoted, quotes doubled
 *   ({@link quoteCsvField}); reading quoted fields is the tokenizer's job (csv/tokenizer.ts), and
 *   a field reaches the rules above unquoted.
 *
 * Workers import this module alone (`@champion/tabular/reading-rules`): it has no imports.
 *
 * The `plainDecimal*` functions are a faster strategy for the common number form, not a second
 * rule: where they answer, they answer what {@link parseNumber} answers (tested against it), and
 * they return NaN, meaning "ask parseNumber", for everything else.
 */

/** Tokens read as a missing value unless the caller gives its own list. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'NaN', 'null', 'NULL', 'N/A'];

/** A fast membership test for missing-value tokens (most fields are longer than any token). */
export function missingTest(tokens: readonly string[]): (text: string) => boolean {
  const set = new Set(tokens);
  let longest = 0;
  for (const t of tokens) longest = Math.max(longest, t.length);
  // An empty field is always missing: it is how Parquet nulls and absent CSV values arrive.
  set.add('');
  return (text) => text.length <= longest && set.has(text);
}

/**
 * Parses a field as a finite number, or returns NaN. Stricter than `Number()`: blank text,
 * hexadecimal/binary/octal literals and Infinity are not numbers here.
 */
export function parseNumber(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v)) return NaN;
  if (v === 0 && text.trim() === '') return NaN;
  // Number() accepts 0x.., 0b.., 0o..: in a data file those are codes, not numbers.
  const second = text.charCodeAt(1) | 0x20;
  if (text.charCodeAt(0) === 48 && (second === 0x78 || second === 0x62 || second === 0x6f))
    return NaN;
  return v;
}

/**
 * What a numeric field's text becomes: its number, NaN when it is missing, or `null` when it is
 * not a number (the row is bad).
 */
export function numericField(text: string, isMissing: (text: string) => boolean): number | null {
  if (isMissing(text)) return NaN;
  const value = parseNumber(text);
  return Number.isNaN(value) ? null : value;
}

/** What a categorical field's text becomes: the category, or `null` when it is missing. */
export function categoryField(text: string, isMissing: (text: string) => boolean): string | null {
  return isMissing(text) ? null : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field when RFC 4180 requires it (delimiter, quote, CR or LF inside). */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The byte order mark a file may start with (dropped before the header). */
export const BYTE_ORDER_MARK = 0xfeff;

/** `text` without a leading byte order mark. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}

const LF = 10;
const CR = 13;

/** Where a line's content ends, given where its LF is (or the text's end): before a CR there. */
export function lineContentEnd(text: string, from: number, lineEnd: number): number {
  return lineEnd > from && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
}

/** {@link lineContentEnd} over UTF-8 bytes (LF and CR are single bytes in UTF-8). */
export function byteLineContentEnd(bytes: Uint8Array, from: number, lineEnd: number): number {
  return lineEnd > from && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
}

/** Whether byte `at` ends a line: an LF, or the end of the bytes. */
export function isByteLineEnd(bytes: Uint8Array, at: number): boolean {
  return at >= bytes.length || bytes[at] === LF;
}

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
/** Powers of ten that are exact doubles (up to 1e22). */
const POW10 = Array.from({ length: 23 }, (_, p) => Number(`1e${p}`));

/**
 * The value of `line.slice(start, end)` when it is a plain decimal (`-?\d+(\.\d+)?`, at most 15
 * digits), else NaN (ask {@link parseNumber}). With at most 15 digits the mantissa and the power
 * of ten are exact doubles, so one division rounds correctly and the result equals `Number(text)`
 * (Clinger's fast path). No string is created.
 */
export function plainDecimal(line: string, start: number, end: number): number {
  let i = start;
  const negative = i < end && line.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const d = line.charCodeAt(i) - ZERO;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (d === DOT - ZERO && fraction < 0) {
      fraction = 0;
      // '5.' and '.5' are numbers to Number() too, but rare: leave them to it.
      if (digits === 0 || i + 1 >= end) return NaN;
    } else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const magnitude = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
  return negative ? -magnitude : magnitude;
}

/**
 * The plain decimal with an optional exponent (`-?\d+(\.\d+)?([eE][+-]?\d{1,3})?`, at most 15
 * digits, a power of ten within 1e±22) at the start of some UTF-8 bytes, read in one pass while
 * looking for the field's end, for readers that find fields themselves: {@link scan} leaves in
 * {@link end} where it stopped, and its value is the field's only when the field ends there.
 * Same reasoning as {@link plainDecimal}: one correctly rounded multiplication or division of
 * exact doubles equals `Number(text)`.
 */
export class PlainDecimalScanner {
  /** Where the last {@link scan} stopped. */
  end = 0;

  /** The plain decimal at `from` (bytes before `limit`), or NaN (ask parseNumber); sets {@link end}. */
  scan(bytes: Uint8Array, from: number, limit: number): number {
    // Kept small so V8 inlines it into the readers' loops: numbers with an exponent, rare in
    // data files, take scanWithExponent.
    let i = from;
    const negative = i < limit && bytes[i] === MINUS;
    if (negative) i++;
    const first = i;
    let mantissa = 0;
    for (; i < limit; i++) {
      const d = (bytes[i] as number) - ZERO;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    let fraction = 0;
    if (i > first && i < limit && bytes[i] === DOT) {
      const start = ++i;
      for (; i < limit; i++) {
        const d = (bytes[i] as number) - ZERO;
        if (d < 0 || d > 9) break;
        mantissa = mantissa * 10 + d;
      }
      fraction = i - start;
      if (fraction === 0) return this.stop(i); // '5.' is left to parseNumber
    }
    if (i < limit && (bytes[i] === 101 || bytes[i] === 69))
      return this.scanWithExponent(bytes, from, limit);
    this.end = i;
    const digits = i - first - (fraction > 0 ? 1 : 0);
    if (i === first || digits > 15) return NaN;
    const magnitude = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
    return negative ? -magnitude : magnitude;
  }

  private stop(at: number): number {
    this.end = at;
    return NaN;
  }

  /** {@link scan} of a number that may have an exponent. */
  private scanWithExponent(bytes: Uint8Array, from: number, limit: number): number {
    let i = from;
    const negative = i < limit && bytes[i] === MINUS;
    if (negative) i++;
    let mantissa = 0;
    const first = i;
    for (; i < limit; i++) {
      const d = (bytes[i] as number) - ZERO;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    let digits = i - first;
    let fraction = 0;
    if (digits > 0 && i < limit && bytes[i] === DOT) {
      const start = ++i;
      for (; i < limit; i++) {
        const d = (bytes[i] as number) - ZERO;
        if (d < 0 || d > 9) break;
        mantissa = mantissa * 10 + d;
      }
      fraction = i - start;
      if (fraction === 0) digits = 0; // '5.' is left to parseNumber
      digits += fraction;
    }
    let exponent = 0;
    if (digits > 0 && i < limit && (bytes[i] === 101 || bytes[i] === 69)) {
      i++;
      let sign = 1;
      if (i < limit && (bytes[i] === 43 || bytes[i] === MINUS))
        sign = bytes[i++] === MINUS ? -1 : 1;
      const start = i;
      for (; i < limit; i++) {
        const d = (bytes[i] as number) - ZERO;
        if (d < 0 || d > 9) break;
        exponent = exponent * 10 + d;
      }
      if (i === start || i - start > 3) digits = 0;
      exponent *= sign;
    }
    this.end = i;
    const scale = exponent - fraction;
    if (digits === 0 || digits > 15 || scale < -22 || scale > 22) return NaN;
    const magnitude =
      scale >= 0 ? mantissa * (POW10[scale] as number) : mantissa / (POW10[-scale] as number);
    return negative ? -magnitude : magnitude;
  }
}

const scanner = new PlainDecimalScanner();

/**
 * The value of UTF-8 bytes `[from, to)` when they are a plain decimal with an optional exponent
 * (see {@link PlainDecimalScanner}), else NaN (ask {@link parseNumber} of the text).
 */
export function plainDecimalFromBytes(bytes: Uint8Array, from: number, to: number): number {
  const value = scanner.scan(bytes, from, to);
  return scanner.end === to ? value : NaN;
}
