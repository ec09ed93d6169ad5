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
