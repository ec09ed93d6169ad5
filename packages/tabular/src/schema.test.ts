import { inferSchema } from './schema.js';
import { TabularError } from './errors.js';
import type { Column, Table } from './table.js';

function numeric(name: string, values: number[]): Column {
  return { name, kind: 'numeric', values: Float64Array.from(values) };
}

function categorical(name: string, values: (string | null)[]): Column {
  const dictionary: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    if (!dictionary.includes(v)) dictionary.push(v);
    return dictionary.indexOf(v);
  });
  return { name, kind: 'categorical', codes, dictionary };
}

function table(...columns: Column[]): Table {
  const first = columns[0];
  const rowCount =
    first === undefined ? 0 : first.kind === 'numeric' ? first.values.length : first.codes.length;
  return { rowCount, columns };
}

const N = 40;
const range = (f: (i: number) => number): number[] => Array.from({ length: N }, (_, i) => f(i));
const labels = (f: (i: number) => string): string[] => Array.from({ length: N }, (_, i) => f(i));

function caught(run: () => unknown): TabularError {
  try {
    run();
  } catch (error) {
    if (error instanceof TabularError) return error;
    throw error;
  }
  throw new Error('expected a TabularError');
}

describe('inferSchema', () => {
  const base = table(
    numeric(
      'income',
      range((i) => (i % 5) * 1000),
    ),
    categorical(
      'home',
      labels((i) => (i % 2 === 0 ? 'rent' : 'own')),
    ),
    numeric(
      'SEX',
      range((i) => 1 + (i % 2)),
    ),
    categorical(
      'status',
      labels((i) => (i % 4 === 0 ? 'bad' : 'good')),
    ),
  );

  it('types features from their columns and keeps file order', () => {
    const schema = inferSchema(base, { target: 'status' });
    expect(schema.features).toEqual([
      { name: 'income', type: 'numeric' },
      { name: 'home', type: 'categorical' },
      { name: 'SEX', type: 'numeric' },
    ]);
  });

  it('treats columns forced categorical as categorical', () => {
    const schema = inferSchema(base, { target: 'status', categorical: ['SEX'] });
    expect(schema.features.find((f) => f.name === 'SEX')?.type).toBe('categorical');
  });

  it('excludes columns it is told to exclude', () => {
    const schema = inferSchema(base, { target: 'status', exclude: ['home'] });
    expect(schema.excluded).toEqual(['home']);
    expect(schema.features.map((f) => f.name)).toEqual(['income', 'SEX']);
  });

  it('picks "bad" as the positive class and says why', () => {
    const schema = inferSchema(base, { target: 'status' });
    expect(schema.target).toEqual({
      name: 'status',
      positive: 'bad',
      negative: 'good',
      type: 'text',
    });
    expect(schema.notes.join('\n')).toContain("'bad' usually means the event to predict");
    expect(schema.classCounts).toEqual({ bad: 10, good: 30 });
  });

  it('picks "1" as the positive class of a 0/1 target', () => {
    const t = table(
      numeric(
        'x',
        range((i) => i % 3),
      ),
      numeric(
        'default',
        range((i) => (i % 3 === 0 ? 0 : 1)),
      ),
    );
    expect(inferSchema(t, { target: 'default' }).target.positive).toBe('1');
    // Recorded so serving answers labels of a numeric target as numbers.
    expect(inferSchema(t, { target: 'default' }).target.type).toBe('numeric');
  });

  it('falls back to the minority class and says so', () => {
    const t = table(
      numeric(
        'x',
        range((i) => i % 3),
      ),
      categorical(
        'y',
        labels((i) => (i < 10 ? 'churned' : 'stayed')),
      ),
    );
    const schema = inferSchema(t, { target: 'y' });
    expect(schema.target.positive).toBe('churned');
    expect(schema.notes.join('\n')).toContain('minority class');
  });

  it('uses a given positive label', () => {
    expect(inferSchema(base, { target: 'status', positive: 'good' }).target).toEqual({
      name: 'status',
      positive: 'good',
      negative: 'bad',
      type: 'text',
    });
  });

  it('rejects a positive label that is not a class', () => {
    const error = caught(() => inferSchema(base, { target: 'status', positive: 'yes' }));
    expect(error.code).toBe('BAD_POSITIVE_LABEL');
    expect(error.message).toContain(
      "'yes' is not a class of target 'status'; its classes are bad, good",
    );
  });

  it('treats id-like names as ids, not features, and says so', () => {
    const t = table(
      numeric(
        'rownames',
        range((i) => i % 3),
      ),
      numeric(
        'customer_id',
        range((i) => i % 4),
      ),
      numeric(
        'ID',
        range((i) => i % 2),
      ),
      numeric(
        'x',
        range((i) => i % 5),
      ),
      numeric(
        'y',
        range((i) => i % 2),
      ),
    );
    const schema = inferSchema(t, { target: 'y' });
    expect(schema.idColumns).toEqual(['rownames', 'customer_id', 'ID']);
    expect(schema.notes.join('\n')).toContain(
      "'customer_id' is treated as an id, not a feature: its name looks like an id",
    );
  });

  it('treats a column of all-different integers as an id', () => {
    const t = table(
      numeric(
        'account',
        range((i) => 1000 + i * 7),
      ),
      numeric(
        'x',
        range((i) => i % 5),
      ),
      numeric(
        'y',
        range((i) => i % 2),
      ),
    );
    const schema = inferSchema(t, { target: 'y' });
    expect(schema.idColumns).toEqual(['account']);
    expect(schema.notes.join('\n')).toContain('every value is a different integer');
  });

  it('uses only the given id columns when they are given', () => {
    const t = table(
      numeric(
        'id',
        range((i) => i),
      ),
      numeric(
        'account',
        range((i) => i),
      ),
      numeric(
        'y',
        range((i) => i % 2),
      ),
    );
    const schema = inferSchema(t, { target: 'y', idColumns: ['account'] });
    expect(schema.idColumns).toEqual(['account']);
    expect(schema.features.map((f) => f.name)).toEqual(['id']);
  });

  it('excludes an all-missing column and says so', () => {
    const t = table(
      numeric(
        'empty',
        range(() => NaN),
      ),
      numeric(
        'x',
        range((i) => i % 5),
      ),
      numeric(
        'y',
        range((i) => i % 2),
      ),
    );
    const schema = inferSchema(t, { target: 'y' });
    expect(schema.excluded).toEqual(['empty']);
    expect(schema.notes.join('\n')).toContain("'empty' is excluded: every value is missing");
  });

  it('names the missing target column and lists the columns', () => {
    const error = caught(() => inferSchema(base, { target: 'Status' }));
    expect(error.code).toBe('TARGET_NOT_FOUND');
    expect(error.message).toBe(
      "target column 'Status' not found; columns are: income, home, SEX, status",
    );
  });

  it('rejects a target with three classes, listing them', () => {
    const t = table(
      numeric(
        'x',
        range((i) => i % 5),
      ),
      categorical(
        'y',
        labels((i) => ['a', 'b', 'c'][i % 3] ?? 'a'),
      ),
    );
    const error = caught(() => inferSchema(t, { target: 'y' }));
    expect(error.code).toBe('TARGET_NOT_BINARY');
    expect(error.message).toBe(
      "target 'y' has 3 classes (a, b, c); champion trains binary classifiers",
    );
  });

  it('rejects a target with missing values, counting them and naming the first file row', () => {
    const t = table(
      numeric(
        'x',
        range((i) => i % 5),
      ),
      categorical(
        'y',
        labels((i) => (i % 2 === 0 ? 'a' : 'b')).map((v, i) => (i === 11 || i === 20 ? null : v)),
      ),
    );
    const error = caught(() => inferSchema(t, { target: 'y' }));
    expect(error.code).toBe('TARGET_MISSING_VALUES');
    expect(error.message).toContain('missing values in 2 rows (first: row 12');
  });

  it('reports file row numbers for target problems when the reader gives them', () => {
    const t = table(numeric('x', [1, 2, 3]), categorical('y', ['a', null, 'b']));
    const error = caught(() => inferSchema(t, { target: 'y', rowNumbers: [5, 9, 10] }));
    expect(error.message).toContain('first: row 9');
  });

  it('names an unknown column given as an override', () => {
    const error = caught(() => inferSchema(base, { target: 'status', categorical: ['EDUCATION'] }));
    expect(error.code).toBe('COLUMN_NOT_FOUND');
    expect(error.message).toContain("categorical column 'EDUCATION' not found");
  });
});
