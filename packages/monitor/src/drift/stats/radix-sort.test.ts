import { sortFloat64 } from './radix-sort.js';

describe('radix sort of doubles', () => {
  it('sorts like the built-in sort, negatives, zeros, infinities and ties included', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = Float64Array.from({ length: 20_000 }, (_, i) =>
      i % 97 === 0
        ? -Infinity
        : i % 89 === 0
          ? Infinity
          : i % 7 === 0
            ? 0
            : (random() - 0.5) * 10 ** ((i % 9) - 3),
    );
    values[5] = -0;
    const expected = Float64Array.from(values).sort();
    expect(Array.from(sortFloat64(values))).toEqual(Array.from(expected));
  });

  it('sorts whole numbers, whose low words are all alike (the passes over them are skipped)', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 5000) - 2500);
    const expected = Float64Array.from(values).sort();
    expect(Array.from(sortFloat64(values))).toEqual(Array.from(expected));
  });
});
