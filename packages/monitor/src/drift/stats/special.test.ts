import { chiSquareSf, gammaQ, logGamma, normalSf } from './special.js';

describe('special functions', () => {
  it('log-gamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('chi-square survival gives the textbook critical values and exp(-x/2) for 2 degrees', () => {
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    for (const x of [0.1, 1, 7, 40]) expect(chiSquareSf(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
    // scipy.stats.chi2.sf, computed once
    expect(chiSquareSf(7.5, 3)).toBeCloseTo(0.0575584519726364, 12);
    expect(chiSquareSf(250, 200)).toBeCloseTo(0.009379131668826098, 12);
  });

  it('the upper gamma is decreasing in x and 1 at 0', () => {
    expect(gammaQ(3, 0)).toBe(1);
    let previous = 1;
    for (let x = 0.5; x < 20; x += 0.5) {
      const q = gammaQ(3, x);
      expect(q).toBeLessThan(previous);
      previous = q;
    }
  });

  it('normal survival is symmetric and gives the 97.5% quantile', () => {
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(normalSf(0)).toBeCloseTo(0.5, 14);
    expect(normalSf(-1.3) + normalSf(1.3)).toBeCloseTo(1, 14);
  });
});
