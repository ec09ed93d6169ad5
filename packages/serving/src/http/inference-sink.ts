/**
 * Where every prediction goes for the monitor, and where labels arrive. The HTTP layer only
 * builds records; the inference store (@champion/inference-store, opened by server.ts from
 * CHAMPION_INFERENCE_STORE) implements this interface and owns buffering and flushing.
 */
import type { InferenceRecord, LabelItem, LabelOutcome } from '@champion/inference-store';

/** Receives scored records; `append` must not block the request (buffer, write later). */
export interface InferenceSink {
  append(records: readonly InferenceRecord[]): void | Promise<void>;
  /** Stores true labels (POST /feedback); a sink without it answers /feedback with 503. */
  addLabels?(items: readonly LabelItem[]): Promise<LabelOutcome>;
  /** Writes what is buffered and releases files; called once on shutdown. */
  close?(): Promise<void>;
}

/** Drops everything (tests, embedding). */
export const noopSink: InferenceSink = { append: () => undefined };
