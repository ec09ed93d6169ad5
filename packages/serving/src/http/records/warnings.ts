/**
 * Per-record warnings a response carries: today, categories not seen in training that were
 * scored as missing (CHAMPION_UNSEEN_CATEGORIES=missing), so a client learns which value of
 * which record the model could not use instead of getting a silent 200.
 */
import type { ParsedBatch } from './parsed.js';

/** One warning about one record. */
export interface RecordWarning {
  readonly field: string;
  readonly problem: string;
}

const MAX_SHOWN = 40;

function quoted(value: string): string {
  return `'${value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value}'`;
}

const NONE: readonly RecordWarning[] = Object.freeze([]);

/** The warnings of every row, by row (an empty array for a row without any). */
export function warningsByRow(parsed: ParsedBatch): (readonly RecordWarning[])[] {
  const out = new Array<readonly RecordWarning[]>(parsed.batch.rows).fill(NONE);
  for (const u of parsed.unseen) {
    const row = out[u.row];
    if (row === undefined) continue;
    out[u.row] = [
      ...row,
      {
        field: parsed.compiled.names[u.feature] ?? String(u.feature),
        problem: `unseen category ${quoted(u.value)} scored as missing`,
      },
    ];
  }
  return out;
}
