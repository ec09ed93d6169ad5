/**
 * Containment on the local disk: a path built from anything a server sent must resolve inside the
 * folder it was meant for. A second line of defence behind the identifier rules (identifiers.ts):
 * whoever deletes or writes under a root checks the resolved target here first.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { MlflowError } from './errors.js';

/** True when `target` (resolved) is `root` itself or below it. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(resolve(root), resolve(target));
  if (rel === '') return true;
  // `..data.csv` is a child; only `..` itself or a path through it leaves the root.
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * `root/segments…` resolved, guaranteed strictly below `root`; throws INVALID_PARAMETER_VALUE
 * naming the path otherwise (`what` says what was being built, e.g. "model cache").
 */
export function resolveInside(options: {
  root: string;
  segments: readonly string[];
  what: string;
}): string {
  const target = resolve(options.root, ...options.segments);
  if (!isInside(options.root, target) || resolve(options.root) === target) {
    throw new MlflowError({
      code: 'INVALID_PARAMETER_VALUE',
      message:
        `${options.what}: ${JSON.stringify(options.segments.join('/'))} resolves to ${target}, ` +
        `outside ${resolve(options.root)}; refused.`,
    });
  }
  return target;
}
