/**
 * Where every prediction goes for the monitor. The HTTP layer only builds records; the JSONL
 * writer (`InferenceLog` in src/inference-log) implements this interface and owns buffering,
 * rotation and flushing.
 */
import type { InferenceRecord } from '../inference-log/record.js';

/** Receives scored records; `append` must not block the request (buffer, write later). */
export interface InferenceSink {
  append(records: readonly InferenceRecord[]): void | Promise<void>;
  /** Writes what is buffered and releases files; called once on shutdown. */
  close?(): Promise<void>;
}

/** Drops everything (tests, embedding). */
export const noopSink: InferenceSink = { append: () => undefined };
