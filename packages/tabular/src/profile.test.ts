import { binIndex, buildProfile, profileScores } from './profile.js';
import type { Table } from './table.js';
import { schemaFacts } from './schema-facts.js';

const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? NaN : i));
const dictionary = Array.from({ length: 60 }, (_, i) => `c${i}`);
const codes = Int32Array.from({ length: 1000 }, (_, i) => (i % 50 === 0 ? -1 : i % 60));
const table: Table = {
  rowCount: 1000,
  columns: [
    { name: 'x', kind: 'numeric', values },
    { name: 'c', kind: 'categorical', codes, dictionary },
    { name: 'y', kind: 'numeric', values: Float64Array.from({ length: 1000 }, (_, i) => i % 2) },
  ],
};
const schema = {
  features: [
    { name: 'x', type: 'numeric' as const },
    { name: 'c', type: 'categorical' as const },
  ],
  target: { name: 'y', positive: '1', negative: '0' },
  idColumns: [],
  excluded: [],
};

describe('buildProfile', () => {
  const profile = buildProfile(table, schema);
  const x = profile.features[0];
  const c = profile.features[1];

  it('bins a numeric feature into ten decile bins of about equal frequency', () => {
    if (x?.type !== 'numeric') throw new Error('x should be numeric');
    expect(x.edges).toHaveLength(9);
    expect(x.frequencies).toHaveLength(10);
    expect(x.frequencies.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    for (const f of x.frequencies) expect(f).toBeCloseTo(0.1, 2);
  });

  it('records missing share, range, mean and standard deviation of a numeric feature', () => {
    if (x?.type !== 'numeric') throw new Error('x should be numeric');
    const present = Array.from(values).filter((v) => !Number.isNaN(v));
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    expect(x.missingShare).toBeCloseTo(0.01, 10);
    expect(x.min).toBe(1);
    expect(x.max).toBe(999);
    expect(x.mean).toBeCloseTo(mean, 10);
    expect(x.std).toBeCloseTo(
      Math.sqrt(present.reduce((a, v) => a + (v - mean) ** 2, 0) / (present.length - 1)),
      8,
    );
  });

  it('keeps the 50 most frequent categories and folds the rest into other', () => {
    if (c?.type !== 'categorical') throw new Error('c should be categorical');
    expect(Object.keys(c.frequencies)).toHaveLength(50);
    const kept = Object.values(c.frequencies).reduce((a, b) => a + b, 0);
    expect(kept + c.otherShare).toBeCloseTo(1, 10);
    expect(c.otherShare).toBeGreaterThan(0);
    expect(c.missingShare).toBeCloseTo(0.02, 10);
    expect(c.distinct).toBe(60);
  });

  it('collapses tied deciles so edges stay strictly increasing', () => {
    const zeros = Float64Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : i));
    const p = profileScores(zeros);
    for (let i = 1; i < p.edges.length; i++)
      expect(p.edges[i]).toBeGreaterThan(p.edges[i - 1] ?? -Infinity);
    expect(p.frequencies.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p.frequencies[0]).toBeCloseTo(0.7, 10);
  });
});

describe('profileScores', () => {
  it('profiles probabilities with decile bins and quantiles', () => {
    const scores = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    const p = profileScores(scores);
    expect(p.quantiles.p50).toBeCloseTo(0.5, 10);
    expect(p.edges[0]).toBeCloseTo(0.1, 10);
    expect(p.min).toBe(0);
    expect(p.max).toBe(1);
  });
});

describe('binIndex', () => {
  it('puts a value equal to an edge in the lower bin and NaN in bin -1', () => {
    expect(binIndex([1, 2, 3], 1)).toBe(0);
    expect(binIndex([1, 2, 3], 1.5)).toBe(1);
    expect(binIndex([1, 2, 3], 99)).toBe(3);
    expect(binIndex([1, 2, 3], NaN)).toBe(-1);
  });
});

describe('schemaFacts', () => {
  it('records categories seen, numeric range and missing shares', () => {
    const facts = schemaFacts(table, schema);
    expect(facts.featureFacts[0]).toEqual({
      name: 'x',
      type: 'numeric',
      min: 1,
      max: 999,
      missingShare: 0.01,
    });
    const c = facts.featureFacts[1];
    expect(c?.type === 'categorical' ? c.categories.length : 0).toBe(60);
    expect(facts.classes).toEqual(['0', '1']);
  });
});
