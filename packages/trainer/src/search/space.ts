/**
 * Hyper-parameter spaces and the candidates drawn from them. A space maps each parameter to the
 * values worth trying; `grid` enumerates them all, `random` samples distinct combinations with a
 * seed, so the same seed always yields the same candidates in the same order.
 */
import { mulberry32 } from '@champion/tabular';

export type ParamValue = number | string | boolean;
export type ParamSpace = Readonly<Record<string, readonly ParamValue[]>>;
export type Params = Readonly<Record<string, ParamValue>>;

/** Every combination, in a stable order (first parameter varies slowest). */
export function gridCandidates(space: ParamSpace): Params[] {
  let out: Record<string, ParamValue>[] = [{}];
  for (const [name, values] of Object.entries(space)) {
    const next: Record<string, ParamValue>[] = [];
    for (const partial of out) for (const value of values) next.push({ ...partial, [name]: value });
    out = next;
  }
  return out;
}

/**
 * Up to `count` distinct combinations sampled without replacement; the space's first value of
 * every parameter (its default) is always the first candidate, so a tiny budget still tries the
 * defaults.
 */
export function randomCandidates(options: {
  space: ParamSpace;
  count: number;
  seed: number;
}): Params[] {
  const all = gridCandidates(options.space);
  const [first, ...rest] = all;
  if (!first) return [];
  const random = mulberry32(options.seed);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = rest[i];
    rest[i] = rest[j] as Params;
    rest[j] = tmp as Params;
  }
  return [first, ...rest].slice(0, Math.max(1, options.count));
}
