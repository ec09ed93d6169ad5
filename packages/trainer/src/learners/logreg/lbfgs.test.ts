import { minimizeLbfgs } from './lbfgs.js';

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = (x: Float64Array, g: Float64Array): number => {
      const a = x[0] ?? 0;
      const b = x[1] ?? 0;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = minimizeLbfgs({
      objective: rosenbrock,
      initial: Float64Array.from([-1.2, 1]),
      options: { maxIterations: 200, gradientTolerance: 1e-8 },
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('solves a convex quadratic whose minimum is known', () => {
    // f = sum_i (i + 1) * (x_i - i)^2 / 2, minimum at x_i = i.
    const objective = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        const d = (x[i] ?? 0) - i;
        g[i] = (i + 1) * d;
        f += ((i + 1) * d * d) / 2;
      }
      return f;
    };
    const result = minimizeLbfgs({
      objective,
      initial: new Float64Array(20),
      options: { gradientTolerance: 1e-10 },
    });
    expect(Array.from(result.x, (v) => Math.round(v * 1e6) / 1e6)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('reports that it did not converge when the iteration budget runs out', () => {
    const objective = (x: Float64Array, g: Float64Array): number => {
      const a = x[0] ?? 0;
      const b = x[1] ?? 0;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = minimizeLbfgs({
      objective,
      initial: Float64Array.from([-1.2, 1]),
      options: { maxIterations: 3 },
    });
    expect(result).toMatchObject({ converged: false, reason: 'max_iter', iterations: 3 });
  });
});
