/**
 * Distances between distributions as Evidently computes them with scipy: the 1-D Wasserstein
 * (earth mover's) distance, and the Jensen-Shannon distance (natural log) over category shares
 * or, for a numeric column with more than 20 distinct reference values, over Sturges bins of
 * both samples together (numpy's `histogram_bin_edges(bins='sturges')`).
 */
import type { WeightedSample } from './sample.js';
import { distinctCount, entries } from './sample.js';

/** scipy.stats.wasserstein_distance(u, v): ∫ |F_u - F_v| dx. */
export function wasserstein(a: WeightedSample, b: WeightedSample): number {
  let i = 0;
  let j = 0;
  let cumA = 0;
  let cumB = 0;
  let distance = 0;
  let previous = NaN;
  let previousGap = 0;
  const { values: va, counts: ca } = a;
  const { values: vb, counts: cb } = b;
  while (i < va.length || j < vb.length) {
    const x = Math.min(va[i] ?? Infinity, vb[j] ?? Infinity);
    if (!Number.isNaN(previous)) distance += previousGap * (x - previous);
    for (; i < va.length && va[i] === x; i++) cumA += ca === null ? 1 : (ca[i] ?? 0);
    for (; j < vb.length && vb[j] === x; j++) cumB += cb === null ? 1 : (cb[j] ?? 0);
    previousGap = Math.abs(cumA / a.total - cumB / b.total);
    previous = x;
  }
  return distance;
}

/** scipy.spatial.distance.jensenshannon(p, q) with the natural logarithm. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i] ?? 0;
    sq += q[i] ?? 0;
  }
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] ?? 0) / sp;
    const qi = (q[i] ?? 0) / sq;
    const m = (pi + qi) / 2;
    if (pi > 0) total += pi * Math.log(pi / m);
    if (qi > 0) total += qi * Math.log(qi / m);
  }
  return Math.sqrt(Math.max(0, total) / 2);
}

/** numpy's Sturges bin edges for the two samples together. */
export function sturgesEdges(a: WeightedSample, b: WeightedSample): Float64Array {
  let lo = Math.min(a.values[0] ?? Infinity, b.values[0] ?? Infinity);
  let hi = Math.max(
    a.values[a.values.length - 1] ?? -Infinity,
    b.values[b.values.length - 1] ?? -Infinity,
  );
  const range = hi - lo;
  const n = a.total + b.total;
  const width = range / (Math.log2(n) + 1);
  const bins = width > 0 ? Math.ceil(range / width) : 1;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) edges[k] = k * step + lo;
  edges[bins] = hi;
  return edges;
}

/** Counts per bin (numpy.histogram with explicit edges: [e_k, e_k+1), the last bin closed). */
export function histogram(sample: WeightedSample, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let k = 0;
  for (const [value, count] of entries(sample)) {
    if (value < (edges[0] ?? -Infinity) || value > (edges[bins] ?? Infinity)) continue;
    while (k < bins - 1 && value >= (edges[k + 1] ?? Infinity)) k++;
    counts[k] = (counts[k] ?? 0) + count;
  }
  return counts;
}

/** Jensen-Shannon distance of two numeric samples, binned the way Evidently bins them. */
export function jensenShannonNumeric(reference: WeightedSample, current: WeightedSample): number {
  if (distinctCount(reference) > 20) {
    const edges = sturgesEdges(reference, current);
    const p = histogram(reference, edges).map((c) => c / reference.total);
    const q = histogram(current, edges).map((c) => c / current.total);
    return jensenShannon(p, q);
  }
  const keys = new Map<number, [number, number]>();
  for (const [value, count] of entries(reference)) {
    const slot = keys.get(value) ?? [0, 0];
    slot[0] += count;
    keys.set(value, slot);
  }
  for (const [value, count] of entries(current)) {
    const slot = keys.get(value) ?? [0, 0];
    slot[1] += count;
    keys.set(value, slot);
  }
  const pairs = [...keys.values()];
  return jensenShannon(
    pairs.map(([r]) => r / reference.total),
    pairs.map(([, c]) => c / current.total),
  );
}
