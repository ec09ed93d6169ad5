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

/**
 * A batch of records where a record without quotes may be left unsplit: a string entry is the
 * raw line, to be split at `delimiter` by the consumer (who then creates only the strings it needs).
 */
export interface LineBatch {
  readonly records: readonly (string | readonly string[])[];
  /** Raw text of each record. */
  readonly texts: readonly string[];
  readonly delimiter: string;
}

export interface RecordSource {
  /** What error messages call the file. */
  readonly name: string;
  readonly header: readonly string[];
  /** Iterates the data records (header excluded) from the start; may be called more than once. */
  batches(): AsyncIterable<RecordBatch>;
  /** The same records as `batches()`, with quote-free records unsplit (CSV only). */
  lineBatches?(): AsyncIterable<LineBatch>;
  /** Releases resources (database handles); idempotent. */
  close(): Promise<void>;
}
