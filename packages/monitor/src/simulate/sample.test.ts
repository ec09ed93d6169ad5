import { createRng, type Table } from '@champion/tabular';
import { parseDriftSpec } from './drift-spec.js';
import { applyDrift, drawRows, sampleColumns, type SampleColumn } from './sample.js';

const TABLE: Table = {
  rowCount: 6,
  columns: [
    { name: 'age', kind: 'numeric', values: Float64Array.from([20, 30, NaN, 50, 60, 70]) },
    {
      name: 'city',
      kind: 'categorical',
      codes: Int32Array.from([0, 1, 0, -1, 1, 0]),
      dictionary: ['paris', 'lyon'],
    },
  ],
};
const ALL = Uint32Array.from([0, 1, 2, 3, 4, 5]);

function sampled(rows: number, seed = 1) {
  return sampleColumns({
    table: TABLE,
    names: ['age', 'city'],
    eligible: ALL,
    rows,
    rng: createRng(seed),
  });
}

const numbers = (c: SampleColumn | undefined): number[] =>
  c?.kind === 'numeric' ? [...c.values] : [];
const texts = (c: SampleColumn | undefined): (string | null)[] =>
  c?.kind === 'categorical'
    ? [...c.codes].map((k) => (k < 0 ? null : (c.dictionary[k] ?? '?')))
    : [];

describe('drawRows', () => {
  it('draws distinct rows when the file has enough, the same ones for the same seed', () => {
    const picked = drawRows(ALL, 4, createRng(9));
    expect(new Set(picked).size).toBe(4);
    expect([...drawRows(ALL, 4, createRng(9))]).toEqual([...picked]);
    expect([...drawRows(ALL, 4, createRng(10))]).not.toEqual([...picked]);
  });

  it('draws with replacement when asked for more rows than the file has', () => {
    const s = sampled(50);
    expect(s.withReplacement).toBe(true);
    expect(s.picked.length).toBe(50);
    expect(sampled(6).withReplacement).toBe(false);
  });
});

describe('applyDrift', () => {
  it('multiplies then adds to numeric values, leaving missing ones missing', () => {
    const s = sampled(6);
    const before = numbers(s.columns.get('age'));
    const applied = applyDrift(s, parseDriftSpec('age*1.5,age+8'), createRng(2));
    expect(numbers(s.columns.get('age'))).toEqual(before.map((v) => v * 1.5 + 8));
    expect(applied).toEqual([
      { term: 'age*1.5', rowsChanged: 5 },
      { term: 'age+8', rowsChanged: 5 },
    ]);
  });

  it('sets a new category in about p of the rows, reproducibly', () => {
    const s = sampled(6000);
    const [applied] = applyDrift(s, parseDriftSpec('city=nice@0.4'), createRng(3));
    const share = (applied?.rowsChanged ?? 0) / 6000;
    expect(share).toBeGreaterThan(0.37);
    expect(share).toBeLessThan(0.43);
    expect(texts(s.columns.get('city')).filter((c) => c === 'nice')).toHaveLength(
      applied?.rowsChanged ?? -1,
    );
    const again = sampled(6000);
    applyDrift(again, parseDriftSpec('city=nice@0.4'), createRng(3));
    expect(texts(again.columns.get('city'))).toEqual(texts(s.columns.get('city')));
  });

  it('sets every row with p = 1, and an empty value makes them missing', () => {
    const s = sampled(6);
    applyDrift(s, parseDriftSpec('age=99@1,city=@1'), createRng(4));
    expect(numbers(s.columns.get('age'))).toEqual([99, 99, 99, 99, 99, 99]);
    expect(texts(s.columns.get('city'))).toEqual([null, null, null, null, null, null]);
  });
});
