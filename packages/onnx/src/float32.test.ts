import { float32AtLeast, float32Step, nextFloat32Down, nextFloat32Up } from './float32.js';

describe('float32 neighbours', () => {
  test.each([1, -1, 0.1, 35.5, -1e-30, 3e38])(
    '%p lies strictly between its float32 neighbours',
    (value) => {
      const x = Math.fround(value);
      expect(nextFloat32Down(x)).toBeLessThan(x);
      expect(nextFloat32Up(x)).toBeGreaterThan(x);
      expect(Math.fround(nextFloat32Up(x))).toBe(nextFloat32Up(x));
      expect(nextFloat32Down(nextFloat32Up(x))).toBe(x);
      expect(nextFloat32Up(nextFloat32Down(x))).toBe(x);
    },
  );

  test('steps across zero to the smallest subnormals', () => {
    expect(nextFloat32Up(0)).toBe(2 ** -149);
    expect(nextFloat32Down(0)).toBe(-(2 ** -149));
    expect(nextFloat32Up(-(2 ** -149))).toBe(-0);
  });

  test('the next float32 up from 1 is 1 + 2^-23', () => {
    expect(nextFloat32Up(1)).toBe(1 + 2 ** -23);
    expect(nextFloat32Down(1)).toBe(1 - 2 ** -24);
  });

  test('float32AtLeast is the smallest float32 not below the value', () => {
    for (const t of [0.3, 0.5, 0.7, 1 / 3, 0]) {
      const cut = float32AtLeast(t);
      expect(cut).toBeGreaterThanOrEqual(t);
      expect(nextFloat32Down(cut)).toBeLessThan(t === 0 ? 1e-300 : t);
    }
  });

  test('float32Step rounds to float32 first, then steps; infinities and NaN stay', () => {
    expect(float32Step(0.1, true)).toBe(nextFloat32Up(Math.fround(0.1)));
    expect(float32Step(0.1, false)).toBe(nextFloat32Down(Math.fround(0.1)));
    expect(float32Step(Infinity, false)).toBe(Infinity);
    expect(float32Step(-Infinity, true)).toBe(-Infinity);
    expect(float32Step(NaN, true)).toBeNaN();
  });
});
