/**
 * Field caps of the inference log. Every string a client can send (category values, record
 * ids) ends up in a line, so each is cut to a set length and the cut is recorded beside it
 * (`truncated`: field path → original length) rather than inside the value, so a reader sees
 * a prefix of what was sent and knows it is one.
 */

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** `value` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
export function cutString(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/** Cuts strings longer than `maxChars` and notes each cut field's original length. */
export class FieldCapper {
  readonly truncated: Record<string, number> = {};
  readonly maxChars: number;

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  cap<T>(path: string, value: T): T | string {
    if (typeof value !== 'string' || value.length <= this.maxChars) return value;
    this.truncated[path] = value.length;
    return cutString(value, this.maxChars);
  }

  get any(): boolean {
    return Object.keys(this.truncated).length > 0;
  }
}
