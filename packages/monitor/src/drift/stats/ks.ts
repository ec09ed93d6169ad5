/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as scipy's `ks_2samp(method='auto')` computes it
 * (what Evidently calls): the exact null distribution when both samples have at most 10,000
 * values, otherwise the Kolmogorov distribution at n = round(m·n / (m + n)). Samples are sorted
 * values with optional repeat counts, so a stored reference gives the same p-value as raw rows.
 */
import { kolmogorovSf } from './kolmogorov.js';
import type { WeightedSample } from './sample.js';

const MAX_EXACT_N = 10_000;

export interface KsResult {
  readonly statistic: number;
  readonly pValue: number;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Rounds half to even, as numpy's `round`. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** max over x of |F1(x) - F2(x)|, evaluated at every value of either sample. */
export function ksStatistic(a: WeightedSample, b: WeightedSample): number {
  let i = 0;
  let j = 0;
  let cumA = 0;
  let cumB = 0;
  let maxS = 0;
  let minS = 0;
  const { values: va, counts: ca } = a;
  const { values: vb, counts: cb } = b;
  while (i < va.length || j < vb.length) {
    const x = Math.min(va[i] ?? Infinity, vb[j] ?? Infinity);
    for (; i < va.length && va[i] === x; i++) cumA += ca === null ? 1 : (ca[i] ?? 0);
    for (; j < vb.length && vb[j] === x; j++) cumB += cb === null ? 1 : (cb[j] ?? 0);
    const diff = cumA / a.total - cumB / b.total;
    if (diff > maxS) maxS = diff;
    if (-diff > minS) minS = -diff;
  }
  return minS > maxS ? minS : maxS;
}

/** P(D ≥ h/n) for two samples of equal size n (Hodges, alternating sum in Horner form). */
function equalSizeOutside(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/**
 * P(D ≥ h/lcm) for sizes m ≠ n: one minus the share of lattice paths from (0,0) to (m,n) that stay
 * strictly between the diagonals |x/m - y/n| < h/lcm (Hodges' inside method, with Viehmann's
 * recursion that carries the complement directly for numerical stability).
 */
function unequalSizeOutside(m0: number, n0: number, h: number): number {
  const g = gcd(m0, n0);
  const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let length = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastMinj = minj;
    const lastLength = length;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = ((column[jj + minj - lastMinj] ?? 0) * i + value * j) / (i + j);
      column[jj] = value;
    }
    length = maxj - minj;
    if (lastLength > length) column.fill(1, length, lastLength);
  }
  return column[maxj - minj - 1] ?? NaN;
}

function exactPValue(n1: number, n2: number, d: number): number | undefined {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  if (h === 0) return 1;
  const p = n1 === n2 ? equalSizeOutside(n1, h) : unequalSizeOutside(n1, n2, h);
  return p >= 0 && p <= 1 ? p : undefined;
}

function asymptoticPValue(n1: number, n2: number, d: number): number {
  const en = (n1 * n2) / (n1 + n2);
  return kolmogorovSf(roundHalfEven(en), d);
}

/** The two-sided two-sample KS test. */
export function ksTwoSample(a: WeightedSample, b: WeightedSample): KsResult {
  const statistic = ksStatistic(a, b);
  const exact =
    Math.max(a.total, b.total) <= MAX_EXACT_N
      ? exactPValue(a.total, b.total, statistic)
      : undefined;
  const pValue = exact ?? asymptoticPValue(a.total, b.total, statistic);
  return { statistic, pValue: Math.min(1, Math.max(0, pValue)) };
}
