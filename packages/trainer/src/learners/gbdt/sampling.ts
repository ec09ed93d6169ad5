/** Seeded row bagging and per-tree feature sampling (LightGBM's bagging and feature_fraction). */
import type { GbdtRng } from './rng.js';

/** Rows kept by Bernoulli(fraction) draws, ascending; never empty. */
export function drawBag(options: { rowCount: number; fraction: number; rng: GbdtRng }): Int32Array {
  const { rowCount, fraction, rng } = options;
  const bag = new Int32Array(rowCount);
  let n = 0;
  for (let i = 0; i < rowCount; i++) if (rng.next() < fraction) bag[n++] = i;
  if (n === 0) bag[n++] = rng.int(rowCount);
  return bag.slice(0, n);
}

/** `max(1, round(fraction * candidates))` of the candidate features, ascending. */
export function drawFeatures(options: {
  candidates: Int32Array;
  fraction: number;
  rng: GbdtRng;
}): Int32Array {
  const { candidates, fraction, rng } = options;
  if (fraction >= 1 || candidates.length === 0) return candidates;
  const k = Math.max(1, Math.round(fraction * candidates.length));
  const pool = Int32Array.from(candidates);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(pool.length - i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}
