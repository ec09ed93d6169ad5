/**
 * A file opened as a sequence of text records: the seam between file formats (CSV, Parquet) and
 * the format-independent type inference, validation and column building.
 */

/** A batch of records in file order. */
export interface RecordBatch {
  readonly fields: readonly string[][];
  /** Raw text of each record, shown for set-aside rows. */
  readonly texts: readonly string[];
}

export interface RecordSource {
  /** What error messages call the file. */
  readonly name: string;
  readonly header: readonly string[];
  /** Iterates the data records (header excluded) from the start; may be called more than once. */
  batches(): AsyncIterable<RecordBatch>;
  /** Releases resources (database handles); idempotent. */
  close(): Promise<void>;
}
