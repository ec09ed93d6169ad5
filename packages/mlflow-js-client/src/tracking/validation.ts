/**
 * Client-side checks mirroring mlflow/utils/validation.py, so a bad key or value fails before any
 * request is sent, with a message naming it (the server would truncate long values silently).
 */
import { posix } from 'node:path';
import { MlflowError } from '../errors.js';

/** MLflow 3 server limits (mlflow/utils/validation.py). */
export const MLFLOW_LIMITS = {
  maxEntitiesPerBatch: 1000,
  maxMetricsPerBatch: 1000,
  maxParamsPerBatch: 100,
  maxTagsPerBatch: 100,
  maxBatchBytes: 1_000_000,
  maxKeyLength: 250,
  maxParamValueLength: 6000,
  maxTagValueLength: 8000,
} as const;

/** MLflow's key charset on POSIX servers: `^[/\w.\- :]*$` with Python's Unicode `\w`. */
const KEY_CHARSET = /^[/\p{L}\p{M}\p{N}\p{Pc}.\- :]*$/u;

/** Length in code points, as Python's len() counts. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Python's posixpath.normpath for the cases MLflow cares about (no trailing slash kept). */
function normpath(name: string): string {
  const norm = posix.normalize(name);
  return norm.length > 1 ? norm.replace(/\/+$/, '') : norm;
}

function invalid(message: string): MlflowError {
  return new MlflowError({ code: 'INVALID_PARAMETER_VALUE', message });
}

/** Throws unless `key` is a valid metric/param/tag key. `what` names it, e.g. "metric 'loss'". */
export function validateKey(key: string, what: string): void {
  if (key === '') throw invalid(`${what}: the key is empty.`);
  if (!KEY_CHARSET.test(key)) {
    throw invalid(
      `${what}: keys may only contain alphanumerics, underscores (_), dashes (-), periods (.), ` +
        'spaces ( ), colons (:) and slashes (/).',
    );
  }
  const norm = normpath(key);
  if (norm !== key || norm === '.' || norm.startsWith('..') || norm.startsWith('/')) {
    throw invalid(
      `${what}: keys must not change when read as a path (this one resolves to '${norm}').`,
    );
  }
  if (codePointLength(key) > MLFLOW_LIMITS.maxKeyLength) {
    throw invalid(`${what}: the key is longer than ${MLFLOW_LIMITS.maxKeyLength} characters.`);
  }
}

/** Throws when a string value exceeds MLflow's limit (which the server would truncate). */
export function validateValueLength(value: string, limit: number, what: string): void {
  if (value.length > limit && codePointLength(value) > limit) {
    throw invalid(
      `${what}: the value has ${codePointLength(value)} characters, over MLflow's limit of ` +
        `${limit}; shorten it or log it as an artifact.`,
    );
  }
}
