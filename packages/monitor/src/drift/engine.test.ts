import { buildReference, type Table } from '@champion/tabular';
import { DriftAccumulator } from './accumulator.js';
import type { ColumnData, DatasetData } from './column-data.js';
import { computeDrift } from './engine.js';
import { referenceFromDocument } from './reference-io.js';
import { inferColumnType } from './rules.js';
import { fileReference } from './file-reference.js';
import { runDrift } from './report.js';

function rows(n: number, f: (i: number) => Record<string, number | string | null>) {
  const acc = new DriftAccumulator();
  for (let i = 0; i < n; i++) acc.addRecord(f(i));
  return acc.finish();
}

function first(data: DatasetData): ColumnData {
  const column = data.columns[0];
  if (column === undefined) throw new Error('no column');
  return column;
}

describe('Evidently column types and methods', () => {
  it('an integer column with at most 10 distinct values is categorical, with 11 numerical', () => {
    const ten = rows(100, (i) => ({ Time: (i % 10) * 6 }));
    const eleven = rows(100, (i) => ({ Time: (i % 11) * 6 }));
    expect(inferColumnType(first(ten))).toBe('categorical');
    expect(inferColumnType(first(eleven))).toBe('numerical');
  });

  it('an integer column with a missing value is a float column (pandas), hence numerical', () => {
    const data = rows(100, (i) => ({ Time: i === 0 ? null : i % 3 }));
    expect(inferColumnType(first(data))).toBe('numerical');
  });

  it('text with more distinct values than half the rows is free text and skipped', () => {
    const reference = rows(50, (i) => ({ note: `n${i}` }));
    const result = computeDrift(
      reference,
      rows(50, (i) => ({ note: `m${i}` })),
    );
    expect(result.columns).toEqual([]);
    expect(result.skipped[0]?.name).toBe('note');
  });

  it('picks KS / chi-square / Z up to 1,000 reference rows, Wasserstein / JS above', () => {
    const make = (n: number) =>
      rows(n, (i) => ({
        x: i / 7,
        cat: ['a', 'b', 'c'][i % 3] ?? 'a',
        flag: i % 2 ? 'y' : 'n',
        few: (i % 4) + 0.5,
      }));
    const methods = (n: number) =>
      Object.fromEntries(computeDrift(make(n), make(500)).columns.map((c) => [c.name, c.method]));
    expect(methods(1000)).toEqual({ x: 'ks', cat: 'chisquare', flag: 'ztest', few: 'chisquare' });
    expect(methods(1001)).toEqual({
      x: 'wasserstein',
      cat: 'jensenshannon',
      flag: 'jensenshannon',
      few: 'jensenshannon',
    });
  });

  it('applies method and threshold overrides, per column first', () => {
    const ref = rows(200, (i) => ({ x: i, y: i }));
    const cur = rows(200, (i) => ({ x: i + 20, y: i + 20 }));
    const result = computeDrift(ref, cur, {
      method: 'wasserstein',
      perColumnMethod: { y: 'jensenshannon' },
      perColumnThreshold: { x: 0.5 },
    });
    const [x, y] = result.columns;
    expect([x?.method, x?.threshold, y?.method, y?.threshold]).toEqual([
      'wasserstein',
      0.5,
      'jensenshannon',
      0.1,
    ]);
  });

  it('reports dataset drift when at least half the columns drift', () => {
    const ref = rows(400, (i) => ({ a: i, b: i, c: i, d: i }));
    const cur = rows(400, (i) => ({ a: i + 200, b: i + 200, c: i, d: i }));
    const result = computeDrift(ref, cur);
    expect([result.driftedCount, result.share, result.drifted]).toEqual([2, 0.5, true]);
  });
});

describe('the stored reference', () => {
  const table: Table = {
    rowCount: 3000,
    columns: [
      {
        name: 'income',
        kind: 'numeric',
        values: Float64Array.from({ length: 3000 }, (_, i) =>
          i % 2 ? NaN : Math.round(Math.sin(i) * 1000) / 10,
        ),
      },
      {
        name: 'home',
        kind: 'categorical',
        codes: Int32Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? -1 : i % 3)),
        dictionary: ['rent', 'own', 'other'],
      },
    ],
  };
  const current = rows(2000, (i) => ({
    income: Math.round(Math.cos(i) * 1200) / 10,
    home: ['rent', 'own', 'other', 'new'][i % 4] ?? null,
  }));

  it('gives the same figures as the raw rows, through its JSON form', () => {
    const raw = new DriftAccumulator();
    raw.addTable(table);
    const fromRows = runDrift({
      reference: fileReference(raw.finish(), 'rows'),
      current,
      currentSource: 'c',
    });
    const document = JSON.parse(JSON.stringify(buildReference(table)));
    const fromModel = runDrift({
      reference: referenceFromDocument(document, 'model'),
      current,
      currentSource: 'c',
    });
    expect(fromModel.columns.map((c) => [c.method, c.score, c.unseenShare])).toEqual(
      fromRows.columns.map((c) => [c.method, c.score, c.unseenShare]),
    );
    expect(fromModel.columns[1]?.unseenShare).toBeCloseTo(0.25, 12);
  });

  it('rejects a document that is not a reference, naming what is wrong', () => {
    expect(() =>
      referenceFromDocument({ format: 'champion-drift-reference', version: 2 }, 'x.json'),
    ).toThrow(/x\.json is not a champion drift reference: version/);
  });

  it('caps distinct values and marks the column inexact', () => {
    const many: Table = {
      rowCount: 5000,
      columns: [
        { name: 'v', kind: 'numeric', values: Float64Array.from({ length: 5000 }, (_, i) => i) },
      ],
    };
    const reference = buildReference(many, { maxDistinct: 100 });
    const column = reference.columns[0];
    expect(column?.kind === 'numeric' && column.values.length).toBe(100);
    expect(column?.exact).toBe(false);
    expect(referenceFromDocument(JSON.parse(JSON.stringify(reference)), 'm').inexact).toEqual([
      'v',
    ]);
  });
});

describe('columns on one side only', () => {
  const both = rows(300, (i) => ({ a: i % 37, b: (i * 7) % 41 }));
  const onlyA = rows(300, (i) => ({ a: i % 37 }));

  it('lists a reference column the current data lacks, instead of dropping it silently', () => {
    const report = runDrift({
      reference: fileReference(both, 'ref.csv'),
      current: onlyA,
      currentSource: 'cur.csv',
    });
    expect(report.columns.map((c) => c.name)).toEqual(['a']);
    expect(report.skipped).toEqual([{ name: 'b', reason: 'not in the current data' }]);
  });

  it("refuses current data without some of a model's features, naming them", () => {
    const table: Table = {
      rowCount: 4,
      columns: [
        { name: 'a', kind: 'numeric', values: Float64Array.from([1, 2, 3, 4]) },
        { name: 'b', kind: 'numeric', values: Float64Array.from([4, 3, 2, 1]) },
      ],
    } as unknown as Table;
    const document = buildReference(table, {
      scores: { probabilities: Float64Array.from([0.1, 0.2, 0.7, 0.9]), threshold: 0.5 },
    });
    const reference = referenceFromDocument(JSON.parse(JSON.stringify(document)), 'models:/m/1');
    const run = (exclude?: string[]) =>
      runDrift({
        reference,
        current: onlyA,
        currentSource: 'cur.csv',
        ...(exclude === undefined ? {} : { options: { exclude } }),
      });
    expect(() => run()).toThrow(/cur\.csv lacks 1 of the 2 features of models:\/m\/1: b\./);
    expect(run(['b']).columns.map((c) => c.name)).toEqual(['a']);
  });
});
