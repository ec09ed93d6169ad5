import type { FeatureBatch } from '@champion/runtime';
import { ServingHttpError } from '../errors.js';
import type { BatchBuilder, RecordId, UnseenCategory } from './builder.js';
import type { CompiledFeatures } from './compile.js';

/** A validated request: the batch to score plus what the response and the log need. */
export interface ParsedBatch {
  readonly batch: FeatureBatch;
  readonly compiled: CompiledFeatures;
  readonly ids: readonly (RecordId | undefined)[] | undefined;
  /** Categories outside the training vocabulary, scored as missing (row order). */
  readonly unseen: readonly UnseenCategory[];
  /** Numeric values as sent (float64) by feature, undefined for categorical features. */
  readonly sent: readonly (Float64Array | undefined)[];
}

/** Finishes a builder (throwing the 422 if any value was bad). */
export function finishBatch(builder: BatchBuilder): ParsedBatch {
  const batch = builder.finish();
  return {
    batch,
    compiled: builder.compiled,
    ids: builder.ids,
    unseen: builder.unseen,
    sent: builder.sent,
  };
}

/** 413 when a request holds more rows than CHAMPION_MAX_BATCH_ROWS allows. */
export function checkBatchRows(rows: number, maxRows: number): void {
  if (rows > maxRows) {
    throw new ServingHttpError({
      code: 'BATCH_TOO_LARGE',
      message: `The request holds ${rows} records; at most ${maxRows} are accepted per request (CHAMPION_MAX_BATCH_ROWS). Split it.`,
    });
  }
  if (rows === 0) {
    throw new ServingHttpError({
      code: 'INVALID_REQUEST',
      message: 'The request holds no records; send at least one.',
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { isPlainObject };
