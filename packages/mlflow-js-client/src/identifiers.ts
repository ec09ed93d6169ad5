/**
 * THE rules for identifiers an MLflow server sends that end up in a local path or a URL: model
 * versions, run / experiment / logged-model ids, artifact paths, and registered model names used
 * as folder names. Response schemas, URI parsing and path builders all call these, so a hostile or
 * broken server's `../../victim` is refused when its answer is parsed, with a message naming the
 * value. What a caller does with a refusal (retry, keep serving, exit) is not decided here.
 */
import { z } from 'zod';
import { MlflowError } from './errors.js';

/** The identifiers with a fixed shape. */
export type IdentifierKind = 'model version' | 'run id' | 'experiment id' | 'logged model id';

/**
 * Shapes: versions are decimal (the registry numbers them 1, 2, …); run and experiment ids follow
 * mlflow/utils/validation.py (`_RUN_ID_REGEX`, `_EXPERIMENT_ID_REGEX`); logged model ids
 * (`m-<hex>`) get the run id shape. None admits `.`, `/`, `\` or NUL, so none can climb out of a
 * folder it is joined onto.
 */
const SHAPES: Readonly<Record<IdentifierKind, { pattern: RegExp; expected: string }>> = {
  'model version': { pattern: /^[0-9]{1,18}$/, expected: 'decimal digits' },
  'run id': {
    pattern: /^[a-zA-Z0-9][\w-]{0,255}$/,
    expected: 'letters, digits, _ and - (at most 256)',
  },
  'experiment id': {
    pattern: /^[a-zA-Z0-9][\w-]{0,63}$/,
    expected: 'letters, digits, _ and - (at most 64)',
  },
  'logged model id': {
    pattern: /^[a-zA-Z0-9][\w-]{0,255}$/,
    expected: 'letters, digits, _ and - (at most 256)',
  },
};

/** A value quoted for a message: JSON-escaped (NUL and newlines visible) and cut at 120 chars. */
export function quoteValue(value: string): string {
  const quoted = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  return value.length > 120 ? `${quoted} (${value.length} characters)` : quoted;
}

/** Why `value` is not a valid `kind`, or undefined when it is. */
export function identifierProblem(kind: IdentifierKind, value: string): string | undefined {
  const shape = SHAPES[kind];
  if (shape.pattern.test(value)) return undefined;
  return `${kind} ${quoteValue(value)} is not valid: expected ${shape.expected}`;
}

/** Returns `value` when it is a valid `kind`; else throws INVALID_PARAMETER_VALUE naming it. */
export function validateIdentifier(kind: IdentifierKind, value: string): string {
  const problem = identifierProblem(kind, value);
  if (problem !== undefined) {
    throw new MlflowError({ code: 'INVALID_PARAMETER_VALUE', message: `${problem}.` });
  }
  return value;
}

/** A zod string refined by one of the rules above (for response schemas). */
export function identifierSchema(kind: IdentifierKind) {
  return z.string().superRefine((value, ctx) => {
    const problem = identifierProblem(kind, value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * An optional id MLflow may also send as "" (a version registered without a run has
 * `run_id: ""`): empty passes, anything else must be a valid `kind`.
 */
export function optionalIdentifierSchema(kind: IdentifierKind) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = value === '' ? undefined : identifierProblem(kind, value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional();
}

/**
 * Why `path` is not a safe relative artifact path, or undefined. Refused: absolute paths, drive
 * letters, backslashes, NUL, and any segment that is exactly `..` (mirroring MLflow's
 * validate_path_is_safe). A name that merely starts with dots (`..data.csv`) is a file name.
 */
export function artifactPathProblem(path: string): string | undefined {
  const segments = path.split('/');
  let why: string | undefined;
  if (path.startsWith('/')) why = 'it is absolute';
  else if (/^[a-zA-Z]:/.test(path)) why = 'it starts with a drive letter';
  else if (path.includes('\\')) why = 'it contains a backslash';
  else if (path.includes('\0')) why = 'it contains a NUL character';
  else if (segments.some((segment) => segment === '..')) why = "it has a '..' segment";
  return why === undefined ? undefined : `artifact path ${quoteValue(path)} is unsafe: ${why}`;
}

/**
 * Returns the normalised form of a safe relative artifact path (no empty or `.` segments; `''` for
 * the root); throws INVALID_PARAMETER_VALUE naming `what` and the value otherwise.
 */
export function safeArtifactPath(path: string, what: string): string {
  const problem = artifactPathProblem(path);
  if (problem !== undefined) {
    throw new MlflowError({ code: 'INVALID_PARAMETER_VALUE', message: `${what}: ${problem}.` });
  }
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** One entry of an artifact listing: a safe relative path naming at least one segment. */
export const artifactEntryPathSchema = z.string().superRefine((value, ctx) => {
  const problem =
    artifactPathProblem(value) ??
    (safeArtifactPath(value, 'listing') === ''
      ? `artifact path ${quoteValue(value)} names no file`
      : undefined);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A registered model name as one folder name: percent-encoded (so `/`, `\` and NUL cannot split
 * or end it) with a leading dot encoded too (so `.` and `..` cannot name the folder itself or its
 * parent). MLflow allows nearly any name; this keeps every one of them usable on disk.
 */
export function nameAsPathSegment(name: string): string {
  if (name === '') {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: 'registered model name "" cannot name a folder: it is empty.',
    });
  }
  return encodeURIComponent(name).replace(/^\./, '%2E');
}
