import { SYNTH_ID, SYNTH_TARGET, synthesize, synthesizeChunks } from './synth.js';
import { createRng } from './random.js';
import { concatTables } from './concat.js';
import type { Column, Table } from './table.js';

function col(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no ${name}`);
  return c;
}

function missingShare(c: Column): number {
  const n = c.kind === 'numeric' ? c.values.length : c.codes.length;
  let m = 0;
  if (c.kind === 'numeric') for (const v of c.values) m += Number.isNaN(v) ? 1 : 0;
  else for (const v of c.codes) m += v < 0 ? 1 : 0;
  return m / n;
}

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('draws uniform floats in [0, 1) with mean about one half', () => {
    const rng = createRng(3);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      if (u < 0 || u >= 1) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 100000).toBeCloseTo(0.5, 2);
  });
});

describe('synthesize', () => {
  const table = synthesize({ rows: 20000, seed: 11 });

  it('has an id, 30 features and a 0/1 default target', () => {
    expect(table.columns).toHaveLength(32);
    expect(table.columns[0]?.name).toBe(SYNTH_ID);
    expect(table.columns.at(-1)?.name).toBe(SYNTH_TARGET);
    const kinds = table.columns.slice(1, -1).map((c) => c.kind);
    expect(kinds.filter((k) => k === 'categorical').length).toBeGreaterThanOrEqual(8);
    expect(kinds.filter((k) => k === 'numeric').length).toBeGreaterThanOrEqual(15);
  });

  it('is identical for the same seed and differs for another seed', () => {
    expect(synthesize({ rows: 500, seed: 11 })).toEqual(synthesize({ rows: 500, seed: 11 }));
    expect(synthesize({ rows: 500, seed: 12 })).not.toEqual(synthesize({ rows: 500, seed: 11 }));
  });

  it('gives the same rows whatever the chunk size', () => {
    const chunked = concatTables([...synthesizeChunks({ rows: 1000, seed: 4, chunkRows: 99 })]);
    expect(chunked).toEqual(synthesize({ rows: 1000, seed: 4 }));
  });

  it('has 10–20% positives', () => {
    const target = col(table, SYNTH_TARGET);
    const positives = target.kind === 'numeric' ? target.values.reduce((a, b) => a + b, 0) : 0;
    const share = positives / table.rowCount;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
  });

  it('has a few percent missing values in some features', () => {
    expect(missingShare(col(table, 'income'))).toBeGreaterThan(0.02);
    expect(missingShare(col(table, 'income'))).toBeLessThan(0.06);
    expect(missingShare(col(table, 'industry'))).toBeGreaterThan(0.01);
  });

  it('has a default rate that rises with credit utilisation', () => {
    const u = col(table, 'credit_utilisation');
    const y = col(table, SYNTH_TARGET);
    if (u.kind !== 'numeric' || y.kind !== 'numeric') throw new Error('numeric expected');
    const rate = (keep: (v: number) => boolean): number => {
      let n = 0;
      let p = 0;
      u.values.forEach((v, i) => {
        if (keep(v)) {
          n++;
          p += y.values[i] ?? 0;
        }
      });
      return p / n;
    };
    expect(rate((v) => v > 0.9)).toBeGreaterThan(2 * rate((v) => v < 0.5));
  });

  it('adds noise columns beyond 30 features and keeps the first N below', () => {
    expect(
      synthesize({ rows: 10, seed: 1, features: 32 })
        .columns.map((c) => c.name)
        .slice(-3),
    ).toEqual(['noise_31', 'noise_32', SYNTH_TARGET]);
    expect(synthesize({ rows: 10, seed: 1, features: 3 }).columns.map((c) => c.name)).toEqual([
      SYNTH_ID,
      'age',
      'income',
      'home_ownership',
      SYNTH_TARGET,
    ]);
  });
});
