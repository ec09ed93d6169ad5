/** The bounds of the inference log: per field, per line, and on disk (retention). */

export interface InferenceLogLimits {
  /** Rotated files whose last write is older than this are deleted. */
  readonly maxAgeDays: number;
  /** The oldest rotated files are deleted while all files together exceed this. */
  readonly maxTotalBytes: number;
  /** Longest string stored per field (features, record id, ids); longer ones are cut. */
  readonly maxFieldChars: number;
  /** Largest line; a longer one is stored without its features. */
  readonly maxRecordBytes: number;
}

/** The defaults (config.ts documents them as CHAMPION_INFERENCE_LOG_* settings). */
export const DEFAULT_INFERENCE_LOG_LIMITS: InferenceLogLimits = {
  maxAgeDays: 30,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFieldChars: 1024,
  maxRecordBytes: 64 * 1024,
};

const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MIN_FILE_BYTES = 64 * 1024;

/**
 * Where a file rotates: a quarter of the total budget (so retention can keep the directory near
 * it by deleting whole files), at most 100 MiB.
 */
export function rotationBytes(maxTotalBytes: number): number {
  return Math.min(MAX_FILE_BYTES, Math.max(MIN_FILE_BYTES, Math.floor(maxTotalBytes / 4)));
}
