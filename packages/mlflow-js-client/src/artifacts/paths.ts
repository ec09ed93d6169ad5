import { extname, relative, resolve, sep } from 'node:path';
import { MlflowError } from '../errors.js';

/**
 * Refuses artifact paths that could escape a download directory (`..`, absolute paths,
 * backslashes), mirroring MLflow's validate_path_is_safe.
 */
export function safeRelativePath(path: string, what: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  const bad =
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.some((part) => part === '..') ||
    /^[a-zA-Z]:/.test(path);
  if (bad) {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `${what}: unsafe artifact path '${path}' (absolute or containing '..').`,
    });
  }
  return parts.join('/');
}

/** `dir/relPath` on the local disk, guaranteed to stay inside `dir`. */
export function localPathInside(dir: string, relPath: string): string {
  const target = resolve(dir, ...relPath.split('/'));
  const rel = relative(resolve(dir), target);
  if (rel.startsWith('..') || rel.startsWith(sep)) {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Artifact path '${relPath}' would be written outside ${dir}.`,
    });
  }
  return target;
}

const MIME: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.yaml': 'application/x-yaml',
  '.yml': 'application/x-yaml',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** A Content-Type for an upload (the proxy stores bytes as they are; this helps the UI). */
export function guessContentType(fileName: string): string {
  return MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
