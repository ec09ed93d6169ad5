/**
 * A small seeded PRNG (mulberry32) for bagging, feature sampling and bin-construction sampling,
 * so a seed fully determines the model. Not for cryptography.
 */
import { mulberry32 } from '@champion/tabular';

export interface GbdtRng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Creates the generator for one seed; equal seeds give equal streams. */
export function createRng(seed: number): GbdtRng {
  const next = mulberry32(Math.trunc(seed) ^ 0x5bd1e995);
  return { next, int: (n: number) => Math.floor(next() * n) };
}
