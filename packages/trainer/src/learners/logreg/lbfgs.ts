/**
 * Limited-memory BFGS for smooth unconstrained minimisation: the two-loop recursion for the
 * search direction and a strong-Wolfe line search (Nocedal & Wright, Algorithms 7.4, 3.5, 3.6).
 * Stopping mirrors scipy's L-BFGS-B as scikit-learn drives it: largest absolute gradient
 * component <= `gradientTolerance`, or relative reduction of f <= `functionTolerance`, or the
 * iteration budget. Deterministic: no randomness, fixed evaluation order.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** @default 100 */
  readonly maxIterations?: number;
  /** Largest absolute gradient component at which to stop. @default 1e-5 */
  readonly gradientTolerance?: number;
  /** Relative reduction of f at which to stop. @default 64 * Number.EPSILON (scikit-learn's) */
  readonly functionTolerance?: number;
  /** Correction pairs kept. @default 10 */
  readonly memory?: number;
  /** Function evaluations allowed per line search. @default 50 */
  readonly maxLineSearch?: number;
}

export type LbfgsStopReason = 'gradient' | 'function' | 'max_iter' | 'line_search';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly gradientNorm: number;
  readonly reason: LbfgsStopReason;
  /** False only when the iteration budget ran out or the line search could not progress. */
  readonly converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] ?? 0));
  return m;
}

/** Correction pairs in a ring buffer. */
class History {
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private start = 0;
  private readonly alpha: Float64Array;

  constructor(private readonly memory: number) {
    this.alpha = new Float64Array(memory);
  }

  get size(): number {
    return this.s.length;
  }

  clear(): void {
    this.s.length = 0;
    this.y.length = 0;
    this.rho.length = 0;
    this.start = 0;
  }

  push(s: Float64Array, y: Float64Array): void {
    const sy = dot(s, y);
    // Strong Wolfe guarantees sy > 0 in exact arithmetic; skip pairs rounding made useless.
    if (!(sy > 1e-10 * dot(y, y))) return;
    if (this.s.length < this.memory) {
      this.s.push(Float64Array.from(s));
      this.y.push(Float64Array.from(y));
      this.rho.push(1 / sy);
      return;
    }
    const slot = this.start;
    this.s[slot]?.set(s);
    this.y[slot]?.set(y);
    this.rho[slot] = 1 / sy;
    this.start = (this.start + 1) % this.memory;
  }

  /** Writes -H·g into `direction` (two-loop recursion). */
  direction(gradient: Float64Array, direction: Float64Array): void {
    const m = this.s.length;
    for (let i = 0; i < direction.length; i++) direction[i] = -(gradient[i] ?? 0);
    for (let k = m - 1; k >= 0; k--) {
      const slot = (this.start + k) % m;
      const s = this.s[slot] ?? direction;
      const a = (this.rho[slot] ?? 0) * dot(s, direction);
      this.alpha[k] = a;
      const y = this.y[slot] ?? direction;
      for (let i = 0; i < direction.length; i++)
        direction[i] = (direction[i] ?? 0) - a * (y[i] ?? 0);
    }
    if (m > 0) {
      const newest = (this.start + m - 1) % m;
      const y = this.y[newest] ?? direction;
      const s = this.s[newest] ?? direction;
      const gamma = dot(s, y) / dot(y, y);
      for (let i = 0; i < direction.length; i++) direction[i] = (direction[i] ?? 0) * gamma;
    }
    for (let k = 0; k < m; k++) {
      const slot = (this.start + k) % m;
      const y = this.y[slot] ?? direction;
      const s = this.s[slot] ?? direction;
      const b = (this.rho[slot] ?? 0) * dot(y, direction);
      const a = this.alpha[k] ?? 0;
      for (let i = 0; i < direction.length; i++)
        direction[i] = (direction[i] ?? 0) + (a - b) * (s[i] ?? 0);
    }
  }
}

interface LineSearchState {
  readonly objective: Objective;
  readonly x: Float64Array;
  readonly direction: Float64Array;
  readonly value: number;
  readonly slope: number;
  /** Receives the accepted point and its gradient. */
  readonly trialX: Float64Array;
  readonly trialGradient: Float64Array;
  readonly maxEvaluations: number;
}

interface Trial {
  readonly step: number;
  readonly value: number;
  readonly slope: number;
}

interface LineSearchResult {
  readonly accepted: Trial | undefined;
  readonly evaluations: number;
}

function cubicMinimiser(lo: Trial, hi: Trial): number {
  const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.step - hi.step);
  const radicand = d1 * d1 - lo.slope * hi.slope;
  if (!(radicand >= 0)) return NaN;
  const d2 = Math.sign(hi.step - lo.step) * Math.sqrt(radicand);
  return hi.step - ((hi.step - lo.step) * (hi.slope + d2 - d1)) / (hi.slope - lo.slope + 2 * d2);
}

/** Strong-Wolfe line search; the accepted point is left in `trialX` / `trialGradient`. */
function strongWolfe(state: LineSearchState, initialStep: number): LineSearchResult {
  const { objective, x, direction, value, slope, trialX, trialGradient, maxEvaluations } = state;
  let evaluations = 0;
  const evaluate = (step: number): Trial => {
    for (let i = 0; i < x.length; i++) trialX[i] = (x[i] ?? 0) + step * (direction[i] ?? 0);
    const f = objective(trialX, trialGradient);
    evaluations++;
    return { step, value: f, slope: dot(trialGradient, direction) };
  };
  const armijo = (t: Trial): boolean => t.value <= value + C1 * t.step * slope;
  const curvature = (t: Trial): boolean => Math.abs(t.slope) <= -C2 * slope;

  const zoom = (first: Trial, second: Trial): Trial | undefined => {
    let lo = first;
    let hi = second;
    while (evaluations < maxEvaluations) {
      const width = hi.step - lo.step;
      if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(lo.step))) return undefined;
      let step = cubicMinimiser(lo, hi);
      const low = Math.min(lo.step, hi.step) + 0.1 * Math.abs(width);
      const high = Math.max(lo.step, hi.step) - 0.1 * Math.abs(width);
      if (!Number.isFinite(step) || step < low || step > high) step = lo.step + 0.5 * width;
      const t = evaluate(step);
      if (!armijo(t) || t.value >= lo.value) {
        hi = t;
      } else {
        if (curvature(t)) return t;
        if (t.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = t;
      }
    }
    return undefined;
  };

  let previous: Trial = { step: 0, value, slope };
  let step = initialStep;
  while (evaluations < maxEvaluations) {
    const t = evaluate(step);
    if (!Number.isFinite(t.value) || !armijo(t) || (evaluations > 1 && t.value >= previous.value)) {
      // A non-finite value is treated like an overshoot: shrink into (previous, t).
      const upper = Number.isFinite(t.value)
        ? t
        : { step: t.step, value: Infinity, slope: Infinity };
      return { accepted: zoom(previous, upper), evaluations };
    }
    if (curvature(t)) return { accepted: t, evaluations };
    if (t.slope >= 0) return { accepted: zoom(t, previous), evaluations };
    previous = t;
    step *= 2;
  }
  return { accepted: undefined, evaluations };
}

/** Minimises `objective` from `initial` (not modified). */
export function minimizeLbfgs(input: {
  objective: Objective;
  initial: Float64Array;
  options?: LbfgsOptions;
}): LbfgsResult {
  const { objective, initial } = input;
  const maxIterations = input.options?.maxIterations ?? 100;
  const gtol = input.options?.gradientTolerance ?? 1e-5;
  const ftol = input.options?.functionTolerance ?? 64 * Number.EPSILON;
  const maxLineSearch = input.options?.maxLineSearch ?? 50;
  const n = initial.length;
  const history = new History(input.options?.memory ?? 10);

  let x = Float64Array.from(initial);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  let evaluations = 1;
  let trialX = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  const result = (iterations: number, reason: LbfgsStopReason): LbfgsResult => ({
    x,
    value,
    iterations,
    evaluations,
    gradientNorm: maxAbs(gradient),
    reason,
    converged: reason === 'gradient' || reason === 'function',
  });

  for (let iteration = 0; ; iteration++) {
    if (maxAbs(gradient) <= gtol) return result(iteration, 'gradient');
    if (iteration >= maxIterations) return result(iteration, 'max_iter');

    history.direction(gradient, direction);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Lost the descent property (rounding): restart from steepest descent.
      history.clear();
      history.direction(gradient, direction);
      slope = dot(gradient, direction);
    }
    // First step (and after a restart) scaled to unit length, as scipy does; then the quasi-Newton
    // step of 1 is the natural guess.
    const initialStep =
      history.size === 0 ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
    const search = strongWolfe(
      {
        objective,
        x,
        direction,
        value,
        slope,
        trialX,
        trialGradient,
        maxEvaluations: maxLineSearch,
      },
      initialStep,
    );
    evaluations += search.evaluations;
    if (search.accepted === undefined) return result(iteration, 'line_search');

    const newValue = search.accepted.value;
    for (let i = 0; i < n; i++) {
      s[i] = (trialX[i] ?? 0) - (x[i] ?? 0);
      y[i] = (trialGradient[i] ?? 0) - (gradient[i] ?? 0);
    }
    history.push(s, y);
    [x, trialX] = [trialX, x];
    [gradient, trialGradient] = [trialGradient, gradient];
    const reduction = (value - newValue) / Math.max(Math.abs(value), Math.abs(newValue), 1);
    value = newValue;
    if (reduction <= ftol) {
      return result(iteration + 1, maxAbs(gradient) <= gtol ? 'gradient' : 'function');
    }
  }
}
