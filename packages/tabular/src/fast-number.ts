/**
 * Parses the plain decimals that fill most numeric columns (`-?\d+(\.\d+)?`, at most 15 digits)
 * straight from a line's characters, without creating a string. With at most 15 digits the
 * mantissa and the power of ten are exact doubles, so one division is correctly rounded and the
 * result equals `Number(text)` (Clinger's fast path). Anything else is left to the caller.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Returned when the text is not a plain decimal this parser handles. */
export const NOT_PLAIN = Symbol('not a plain decimal');

const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/** The value of `line.slice(start, end)` when it is a plain decimal, else {@link NOT_PLAIN}. */
export function parsePlainDecimal(
  line: string,
  start: number,
  end: number,
): number | typeof NOT_PLAIN {
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
      if (digits === 0 || i + 1 >= end) return NOT_PLAIN;
    } else return NOT_PLAIN;
  }
  if (digits === 0 || digits > 15) return NOT_PLAIN;
  const magnitude = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
  return negative ? -magnitude : magnitude;
}
