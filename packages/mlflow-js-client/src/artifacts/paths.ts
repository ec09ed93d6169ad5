import { extname } from 'node:path';
import { safeArtifactPath } from '../identifiers.js';
import { resolveInside } from '../local-paths.js';

/**
 * Refuses artifact paths that could escape a download directory (the rule lives in
 * identifiers.ts); returns the path normalised.
 */
export function safeRelativePath(path: string, what: string): string {
  return safeArtifactPath(path, what);
}

/** `dir/relPath` on the local disk, guaranteed to stay inside `dir`. */
export function localPathInside(dir: string, relPath: string): string {
  return resolveInside({
    root: dir,
    segments: relPath.split('/'),
    what: `artifact download into ${dir}`,
  });
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
