import { holdoutSplit } from './holdout.js';

const labels = Uint8Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 1 : 0));
const rowNumbers = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe('holdoutSplit', () => {
  it('makes the rows from the given file row on the test split, in order', () => {
    const split = holdoutSplit({ labels, rowNumbers, fromRow: 81, seed: 1, source: 'f.csv' });
    expect(Array.from(split.test)).toEqual(Array.from({ length: 20 }, (_, i) => 80 + i));
  });

  it('splits the rows before it into train and validation, without overlap', () => {
    const split = holdoutSplit({ labels, rowNumbers, fromRow: 81, seed: 1, source: 'f.csv' });
    const seen = [...split.train, ...split.validation].sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 80 }, (_, i) => i));
    expect(split.validation.length).toBeGreaterThan(0);
  });

  it('refuses a held-out slice with one class, naming the file', () => {
    expect(() =>
      holdoutSplit({ labels, rowNumbers, fromRow: 100, seed: 1, source: 'f.csv' }),
    ).toThrow(/f\.csv: the held-out rows .* 0 positive and 1 negative/);
  });
});
