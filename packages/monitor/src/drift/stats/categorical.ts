/**
 * Tests on category counts, as Evidently runs them: chi-square goodness of fit of the current
 * counts against the reference shares scaled to the current size, the two-proportion Z-test of
 * "first category (in sorted order) vs the rest", and the Jensen-Shannon distance of the shares.
 */
import { jensenShannon } from './distances.js';
import { chiSquareSf, normalSf } from './special.js';

/** Counts of each category; keys are the category text (numbers in canonical form). */
export interface CategoryCounts {
  readonly counts: ReadonlyMap<string, number>;
  /** Rows with a non-missing value. */
  readonly total: number;
  /** Whether the keys are numbers (they sort numerically then). */
  readonly numeric: boolean;
}

function unionKeys(a: CategoryCounts, b: CategoryCounts): string[] {
  return [...new Set([...a.counts.keys(), ...b.counts.keys()])];
}

/** scipy.stats.chisquare(f_obs = current counts, f_exp = reference counts · n_cur / n_ref). */
export function chiSquareTest(reference: CategoryCounts, current: CategoryCounts): number {
  const keys = unionKeys(reference, current);
  const scale = current.total / reference.total;
  let statistic = 0;
  for (const key of keys) {
    const expected = (reference.counts.get(key) ?? 0) * scale;
    const observed = current.counts.get(key) ?? 0;
    statistic += ((observed - expected) * (observed - expected)) / expected;
  }
  return chiSquareSf(statistic, keys.length - 1);
}

function sortKeys(keys: string[], numeric: boolean): string[] {
  return numeric
    ? keys.sort((x, y) => Number(x) - Number(y))
    : keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Two-sided two-proportion Z-test on "not the first sorted category". */
export function zTest(reference: CategoryCounts, current: CategoryCounts): number {
  const keys = sortKeys(unionKeys(reference, current), reference.numeric && current.numeric);
  const only = (c: CategoryCounts): boolean => c.counts.size === 1;
  if (only(reference) && only(current) && keys.length === 1) return 1;
  const first = keys[0] ?? '';
  const n1 = reference.total;
  const n2 = current.total;
  const p1 = (n1 - (reference.counts.get(first) ?? 0)) / n1;
  const p2 = (n2 - (current.counts.get(first) ?? 0)) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return 2 * normalSf(Math.abs(z));
}

/** Jensen-Shannon distance between the category shares. */
export function jensenShannonCategorical(
  reference: CategoryCounts,
  current: CategoryCounts,
): number {
  const keys = unionKeys(reference, current);
  return jensenShannon(
    keys.map((k) => (reference.counts.get(k) ?? 0) / reference.total),
    keys.map((k) => (current.counts.get(k) ?? 0) / current.total),
  );
}
