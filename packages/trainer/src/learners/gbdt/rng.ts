/**
 * A small seeded PRNG (mulberry32) for bagging, feature sampling and bin-construction sampling,
 * so a seed fully determines the model. Not for cryptography.
 */
export interface GbdtRng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Creates the generator for one seed; equal seeds give equal streams. */
export function createRng(seed: number): GbdtRng {
  let state = (Math.trunc(seed) ^ 0x5bd1e995) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}
