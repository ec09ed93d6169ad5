/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, P(D_n ≥ x),
 * with the method choices of Simard & L'Ecuyer (2011) that scipy's `kstwo.sf` follows: the
 * Durbin matrix (Marsaglia-Tsang-Wang) where it is cheap, Pelz-Good's expansion for large n,
 * and twice the one-sided Smirnov tail where the two tails no longer overlap. Pomeranz's
 * recursion (scipy's choice for n ≤ 140, 0.75 < n·x² ≤ 4) is replaced by the Durbin matrix: both
 * are exact, so the values agree to rounding.
 */
import { logGamma } from './special.js';

const SCALE_EXP = 128;
const SCALE = 2 ** SCALE_EXP;

function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k] ?? 0;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++)
        out[i * m + j] = (out[i * m + j] ?? 0) + aik * (b[k * m + j] ?? 0);
    }
  }
  return out;
}

/** Durbin's matrix H for n·d = k - h (Marsaglia, Tsang & Wang 2003). */
function durbinMatrix(k: number, h: number): Float64Array {
  const m = 2 * k - 1;
  const H = new Float64Array(m * m);
  let factorial = 1;
  const inverseFactorials = [1];
  for (let j = 1; j <= m; j++) {
    factorial *= j;
    inverseFactorials.push(1 / factorial);
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const power = i - j + 1;
      if (power >= 0) H[i * m + j] = inverseFactorials[power] ?? 0;
    }
  }
  for (let i = 0; i < m; i++) {
    const edge = (1 - h ** (i + 1)) * (inverseFactorials[i + 1] ?? 0);
    H[i * m] = edge;
    H[(m - 1) * m + (m - 1 - i)] = edge;
  }
  const corner = (2 * h - 1 > 0 ? (2 * h - 1) ** m : 0) + 1 - 2 * h ** m;
  H[(m - 1) * m] = corner * (inverseFactorials[m] ?? 0);
  return H;
}

/** P(D_n ≤ d) by the Durbin matrix; O(m³ log n) with m = 2⌈n·d⌉ - 1. */
export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  let H = durbinMatrix(k, k - nd);
  let power: Float64Array | undefined;
  let exponent = 0;
  let hExponent = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) {
      power = power === undefined ? H.slice() : multiply(power, H, m);
      exponent += hExponent;
    }
    H = multiply(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)] ?? 0) > SCALE) {
      for (let i = 0; i < H.length; i++) H[i] = (H[i] ?? 0) / SCALE;
      hExponent += SCALE_EXP;
    }
  }
  let p = power?.[(k - 1) * m + (k - 1)] ?? 0;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      exponent -= SCALE_EXP;
    }
  }
  return clip01(p * 2 ** exponent);
}

/** Pelz-Good asymptotic expansion of P(D_n ≤ x). */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI ** 2;
  const qlog = -pi2 / 8 / z2;
  if (qlog < -708) return 0;
  const q = Math.exp(qlog);
  const k1 = [-z2, pi2 / 4];
  const k2 = [6 * z6 + 2 * z4, ((2 * z4 - 5 * z2) * pi2) / 4, (Math.PI ** 4 * (1 - 2 * z2)) / 16];
  const k3 = [
    -30 * z6 - 90 * z ** 8,
    (pi2 * (135 * z4 - 96 * z6)) / 4,
    (Math.PI ** 4 * (-60 * z2 + 212 * z4)) / 16,
    (Math.PI ** 6 * (5 - 30 * z2)) / 64,
  ];
  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m2 = (2 * k - 1) ** 2;
    const qPower = q ** (8 * k);
    const coefficients = [
      1,
      (k1[0] ?? 0) + (k1[1] ?? 0) * m2,
      (k2[0] ?? 0) + (k2[1] ?? 0) * m2 + (k2[2] ?? 0) * m2 * m2,
      (k3[0] ?? 0) + (k3[1] ?? 0) * m2 + (k3[2] ?? 0) * m2 * m2 + (k3[3] ?? 0) * m2 ** 3,
    ];
    for (let i = 0; i < 4; i++) terms[i] = (terms[i] ?? 0) * qPower + (coefficients[i] ?? 0);
  }
  const root2pi = Math.sqrt(2 * Math.PI);
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = ((terms[i] ?? 0) * q * root2pi) / (divisors[i] ?? 1);
  const q2 = Math.exp(-pi2 / 2 / z2);
  let extra2 = 0;
  let extra3 = 0;
  const root3z = Math.sqrt(3) * z;
  for (let k = maxK; k > 0; k--) {
    const weight = k * k * q2 ** (k * k);
    extra2 += weight;
    extra3 += (root3z + Math.PI * k) * (root3z - Math.PI * k) * weight;
  }
  terms[2] = (terms[2] ?? 0) + (extra2 * pi2 * root2pi) / (-36 * z2 * z);
  terms[3] = (terms[3] ?? 0) + (extra3 * pi2 * root2pi) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += (terms[i] ?? 0) / n ** (i / 2);
  return sum;
}

/** One-sided Smirnov tail P(D_n+ ≥ x) (Birnbaum-Tingey sum of positive terms, in logs). */
export function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const last = Math.floor(n * (1 - x) + 1e-12);
  const logs: number[] = [];
  const lgn = logGamma(n + 1);
  for (let j = 0; j <= last; j++) {
    const rest = 1 - x - j / n;
    if (rest <= 0 && n - j > 0) continue;
    const restTerm = n - j === 0 ? 0 : (n - j) * Math.log(rest);
    logs.push(
      lgn - logGamma(j + 1) - logGamma(n - j + 1) + (j - 1) * Math.log(x + j / n) + restTerm,
    );
  }
  let max = -Infinity;
  for (const l of logs) if (l > max) max = l;
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return clip01(x * sum * Math.exp(max));
}

/** P(D_n ≥ x) for the two-sided statistic (scipy's `kstwo.sf(x, n)`). */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf = Math.exp(logGamma(n + 1) - n * Math.log(n) + n * Math.log(2 * t - 1));
    return clip01(1 - cdf);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n);
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip01(1 - kolmogorovCdfDurbin(n, x));
    return clip01(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip01(2 * smirnovSf(n, x));
  if (nx2 >= 18) return 0;
  const cdf =
    n <= 100_000 && n * x ** 1.5 <= 1.4 ? kolmogorovCdfDurbin(n, x) : kolmogorovCdfPelzGood(n, x);
  return clip01(1 - cdf);
}
