/**
 * How POST /predict/batch answers, one line per input row: NDJSON by default, CSV when the
 * client asks for `text/csv`. A failure after the first byte cannot change the status any more,
 * so it ends the stream with a final error line instead.
 */
import type { ProblemDetail } from '../errors.js';
import type { RecordId } from '../records/builder.js';
import type { RecordWarning } from '../records/warnings.js';

/** One scored row. */
export interface ScoredLine {
  readonly row: number;
  readonly id: RecordId | undefined;
  /** The record's id in the inference store (record-request-ids.ts); NDJSON answers it. */
  readonly requestId: string;
  readonly probability: number;
  /** Typed as the training target (labels.ts). */
  readonly label: string | number;
  readonly labelIndex: 0 | 1;
  /** What the model could not use in this row (unseen categories), as /predict reports it. */
  readonly warnings: readonly RecordWarning[];
}

/** A failure that ends the stream: what the standard error body would have said. */
export interface StreamFailure {
  readonly code: string;
  readonly message: string;
  readonly details: readonly ProblemDetail[];
  readonly requestId: string;
}

export interface BatchOutputFormat {
  readonly contentType: string;
  /** Written before the first row. */
  readonly header: string;
  scored(line: ScoredLine): string;
  invalid(row: number, id: RecordId | undefined, error: ProblemDetail): string;
  failure(failure: StreamFailure): string;
}

export const NDJSON_OUTPUT: BatchOutputFormat = {
  contentType: 'application/x-ndjson; charset=utf-8',
  header: '',
  scored: (l) =>
    `${JSON.stringify({
      row: l.row,
      ...(l.id === undefined ? {} : { id: l.id }),
      request_id: l.requestId,
      probability: l.probability,
      label: l.label,
      label_index: l.labelIndex,
      warnings: l.warnings,
    })}\n`,
  invalid: (row, id, error) =>
    `${JSON.stringify({ row, ...(id === undefined ? {} : { id }), error })}\n`,
  failure: (f) => `${JSON.stringify({ error: f })}\n`,
};

/** RFC 4180 quoting, only where needed. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const idText = (id: RecordId | undefined): string => (id === undefined ? '' : csvField(String(id)));

const warningsText = (warnings: readonly RecordWarning[]): string =>
  csvField(warnings.map((w) => `${w.field}: ${w.problem}`).join('; '));

/**
 * Columns `row,id,probability,label,label_index,error,warnings`; an invalid row has only `row`,
 * `id` and `error` ("path: problem"); a scored row's `warnings` holds "field: problem" items
 * joined by "; " (empty when none); a failure mid-stream is a last line with only `error`
 * ("CODE: message").
 */
export const CSV_OUTPUT: BatchOutputFormat = {
  contentType: 'text/csv; charset=utf-8',
  header: 'row,id,probability,label,label_index,error,warnings\n',
  scored: (l) =>
    `${l.row},${idText(l.id)},${l.probability},${csvField(String(l.label))},${l.labelIndex},,${warningsText(l.warnings)}\n`,
  invalid: (row, id, error) =>
    `${row},${idText(id)},,,,${csvField(`${error.path}: ${error.problem}`)},\n`,
  failure: (f) => `,,,,,${csvField(`${f.code}: ${f.message}`)},\n`,
};
