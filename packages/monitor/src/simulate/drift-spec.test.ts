import { checkDriftColumns, parseDriftSpec } from './drift-spec.js';

const COLUMNS = new Map([
  ['LIMIT_BAL', 'numeric'],
  ['AGE', 'numeric'],
  ['EDUCATION', 'categorical'],
] as const);

describe('parseDriftSpec', () => {
  it('reads multiply, add and set-with-probability terms in order', () => {
    expect(parseDriftSpec('LIMIT_BAL*1.4, AGE+8,EDUCATION=university@0.4,AGE+-2.5')).toEqual([
      { kind: 'multiply', column: 'LIMIT_BAL', factor: 1.4 },
      { kind: 'add', column: 'AGE', delta: 8 },
      { kind: 'set', column: 'EDUCATION', value: 'university', probability: 0.4 },
      { kind: 'add', column: 'AGE', delta: -2.5 },
    ]);
  });

  it('keeps a value holding * or + whole, and an empty value (missing)', () => {
    expect(parseDriftSpec('EDUCATION=a*b+c@1,AGE=@0.5')).toEqual([
      { kind: 'set', column: 'EDUCATION', value: 'a*b+c', probability: 1 },
      { kind: 'set', column: 'AGE', value: '', probability: 0.5 },
    ]);
  });

  it('is empty for an empty spec', () => {
    expect(parseDriftSpec('  ')).toEqual([]);
  });

  it.each([
    ['AGE^2', "--drift term 'AGE^2': write COL*factor, COL+delta or COL=value@probability."],
    ['AGE*x', "--drift term 'AGE*x': factor 'x' is not a number."],
    ['AGE+', "--drift term 'AGE+': delta '' is not a number."],
    ['*2', "--drift term '*2': no column name; write COL*factor"],
    ['EDUCATION=phd', "--drift term 'EDUCATION=phd': no @probability after the value"],
    ['EDUCATION=phd@1.5', "--drift term 'EDUCATION=phd@1.5': probability 1.5 is outside (0, 1]."],
    ['AGE*2,,AGE+1', "--drift term '': an empty term in 'AGE*2,,AGE+1'"],
  ])('names the bad term %s and what is wrong', (spec, message) => {
    expect(() => parseDriftSpec(spec)).toThrow(message);
  });
});

describe('checkDriftColumns', () => {
  it('names an unknown column and lists the features', () => {
    expect(() => checkDriftColumns(parseDriftSpec('AGE*2,INCOME*2'), COLUMNS)).toThrow(
      "--drift term 'INCOME*2': unknown column 'INCOME'; the model's features are LIMIT_BAL, AGE, EDUCATION.",
    );
  });

  it('refuses arithmetic on a categorical column and says what to write', () => {
    expect(() => checkDriftColumns(parseDriftSpec('EDUCATION+1'), COLUMNS)).toThrow(
      "'EDUCATION' is categorical; * and + apply to numeric columns, use EDUCATION=value@p",
    );
  });

  it('needs a number to set a numeric column, and accepts any text for a category', () => {
    expect(() => checkDriftColumns(parseDriftSpec('AGE=old@0.5'), COLUMNS)).toThrow(
      "value for numeric column 'AGE' 'old' is not a number",
    );
    expect(() =>
      checkDriftColumns(parseDriftSpec('AGE=70@0.5,EDUCATION=7@0.1,AGE=@0.1'), COLUMNS),
    ).not.toThrow();
  });
});
