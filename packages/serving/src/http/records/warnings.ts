/**
 * What a response tells a client about values the model could not use: today, categories not
 * seen in training that were scored as missing (CHAMPION_UNSEEN_CATEGORIES=missing), so a client
 * learns which value of which record it was instead of getting a silent 200. /predict and
 * /predict/batch carry them on each record; /invocations and /v2, whose record formats belong
 * to MLflow and the Open Inference Protocol, beside the predictions (docs in the README).
 */
import type { ParsedBatch } from './parsed.js';

/** One warning about one record. */
export interface RecordWarning {
  readonly field: string;
  readonly problem: string;
}

/** A warning with the (0-based) row of the batch it is about. */
export interface RowWarning extends RecordWarning {
  readonly row: number;
}

const MAX_SHOWN = 40;

function quoted(value: string): string {
  return `'${value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value}'`;
}

const NONE: readonly RecordWarning[] = Object.freeze([]);

/** Every warning of the batch, in row order. */
export function batchWarnings(parsed: ParsedBatch): RowWarning[] {
  return parsed.unseen
    .map((u) => ({
      row: u.row,
      field: parsed.compiled.names[u.feature] ?? String(u.feature),
      problem: `unseen category ${quoted(u.value)} scored as missing`,
    }))
    .sort((a, b) => a.row - b.row);
}

/** The warnings of every row, by row (an empty array for a row without any). */
export function warningsByRow(parsed: ParsedBatch): (readonly RecordWarning[])[] {
  const out = new Array<readonly RecordWarning[]>(parsed.batch.rows).fill(NONE);
  for (const { row, field, problem } of batchWarnings(parsed)) {
    const seen = out[row];
    if (seen !== undefined) out[row] = [...seen, { field, problem }];
  }
  return out;
}
