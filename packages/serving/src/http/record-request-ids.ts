/**
 * The request id of each scored record: what the inference store keys it by and what
 * POST /feedback names. One record sent as an object (POST /predict) has the exchange's id
 * (X-Request-Id); a record of a batch has `<X-Request-Id>-<row>`, its 0-based row in the request
 * (for /predict/batch, the input row, invalid rows included). /predict and /predict/batch answer
 * each record's id as `request_id`; /invocations and /v2, whose formats belong to MLflow and the
 * Open Inference Protocol, answer only the header, and the rule gives the rest.
 */

export interface RecordRequestIds {
  /** The id of the record at `row` of the scored batch. */
  of(row: number): string;
}

/** Ids of a request that sent one record as an object. */
export function singleRecordId(requestId: string): RecordRequestIds {
  return { of: () => requestId };
}

/** Ids of a batch whose scored rows are its rows `rows[i]` (default: row i is row i). */
export function batchRecordIds(requestId: string, rows?: readonly number[]): RecordRequestIds {
  return { of: (row) => `${requestId}-${rows?.[row] ?? row}` };
}
