import { formatCount } from './errors.js';
import type { BadValue } from './errors.js';

/** How row numbers in messages are counted, said once per message. */
export const ROW_NUMBERING = 'rows are data rows counted from 1, header excluded';

/** `column Income, row 1,234: 'abc' is not a number` */
export function describeBadValue(bad: BadValue): string {
  const where =
    bad.column === ''
      ? `row ${formatCount(bad.row)}`
      : `column ${bad.column}, row ${formatCount(bad.row)}`;
  return bad.value === '' && bad.column === ''
    ? `${where} ${bad.problem}`
    : `${where}: '${bad.value}' ${bad.problem}`;
}

/** Shortens long raw text for messages. */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
