import { readChunks, readTable } from './read.js';
import { TabularError } from './errors.js';
import type { Column, Table } from './table.js';
import { tempFolder } from './test-support/files.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no column ${name}`);
  return found;
}

function texts(col: Column): string[] {
  if (col.kind === 'numeric')
    return Array.from(col.values, (v) => (Number.isNaN(v) ? '<missing>' : String(v)));
  return Array.from(col.codes, (c) => (c < 0 ? '<missing>' : (col.dictionary[c] ?? '?')));
}

async function failure(promise: Promise<unknown>): Promise<TabularError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TabularError) return error;
    throw error;
  }
  throw new Error('expected a TabularError');
}

describe('readTable on CSV', () => {
  it('reads numbers into Float64Arrays and text into dictionary-coded columns', async () => {
    const path = folder.file('basic.csv', 'income,home\n100,rent\n250.5,own\n80,rent\n');
    const { table } = await readTable(path);
    expect(table.rowCount).toBe(3);
    expect(column(table, 'income').kind).toBe('numeric');
    expect(texts(column(table, 'income'))).toEqual(['100', '250.5', '80']);
    expect(column(table, 'home').kind).toBe('categorical');
    expect(texts(column(table, 'home'))).toEqual(['rent', 'own', 'rent']);
  });

  it('treats empty, NA, NaN, null, NULL and N/A as missing in numeric and text columns', async () => {
    const path = folder.file(
      'missing.csv',
      'x,c\n1,a\n,NA\nNA,b\nNaN,null\nnull,NULL\nNULL,N/A\nN/A,\n2,a\n',
    );
    const { table } = await readTable(path);
    expect(column(table, 'x').kind).toBe('numeric');
    expect(texts(column(table, 'x'))).toEqual([
      '1',
      '<missing>',
      '<missing>',
      '<missing>',
      '<missing>',
      '<missing>',
      '<missing>',
      '2',
    ]);
    expect(texts(column(table, 'c'))).toEqual([
      'a',
      '<missing>',
      'b',
      '<missing>',
      '<missing>',
      '<missing>',
      '<missing>',
      'a',
    ]);
  });

  it('uses a caller-given list of missing-value tokens', async () => {
    const path = folder.file('custom-missing.csv', 'x\n1\n?\n-999\n');
    const { table } = await readTable(path, { missing: ['?', '-999'] });
    expect(texts(column(table, 'x'))).toEqual(['1', '<missing>', '<missing>']);
  });

  it('reads every way of writing a number as Number() does, quoted or not', async () => {
    const written = ['12', '-0.5', '1e3', '+4', '.25', '7.', ' 3 ', '0.1234567890123456789', '-0'];
    const lines = written.map((w, i) => (i % 2 === 0 ? `${w},a` : `"${w}",b`));
    const path = folder.file('number-forms.csv', `x,y\n${lines.join('\n')}\n`);
    const { table } = await readTable(path, { columnTypes: { x: 'numeric' } });
    const x = column(table, 'x');
    expect(x.kind === 'numeric' && Array.from(x.values)).toEqual(written.map(Number));
  });

  it('reads a quoted header, quoted fields with commas, quotes and newlines, CRLF and a BOM', async () => {
    const path = folder.file(
      'quoted.csv',
      '\uFEFF"id","note","amount"\r\n1,"a, ""b""\r\nc",5\r\n2,plain,6\r\n',
    );
    const { table } = await readTable(path);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'note', 'amount']);
    expect(texts(column(table, 'note'))).toEqual(['a, "b"\r\nc', 'plain']);
    expect(texts(column(table, 'amount'))).toEqual(['5', '6']);
  });

  it('reads integer-coded columns as categorical when asked', async () => {
    const path = folder.file('coded.csv', 'SEX,AGE\n1,30\n2,40\n');
    const { table } = await readTable(path, { categorical: ['SEX'] });
    expect(column(table, 'SEX').kind).toBe('categorical');
    expect(texts(column(table, 'SEX'))).toEqual(['1', '2']);
  });

  it('makes a column categorical when many of its values are text', async () => {
    const path = folder.file('mixed.csv', 'code\n1\nA7\n3\nB2\n');
    const { table } = await readTable(path);
    expect(column(table, 'code').kind).toBe('categorical');
    expect(texts(column(table, 'code'))).toEqual(['1', 'A7', '3', 'B2']);
  });

  it('returns the file row number of every table row', async () => {
    const path = folder.file('rows.csv', 'x\n1\n2\n3\n');
    const { rowNumbers } = await readTable(path);
    expect(Array.from(rowNumbers)).toEqual([1, 2, 3]);
  });
});

describe('readTable errors', () => {
  it('says the file is not found', async () => {
    const error = await failure(readTable(folder.path('nope.csv')));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('nope.csv');
  });

  it('rejects an empty file', async () => {
    const error = await failure(readTable(folder.file('empty.csv', '')));
    expect(error.code).toBe('EMPTY_FILE');
    expect(error.message).toContain('empty.csv is empty');
  });

  it('rejects a file with a header and no data rows, naming the columns', async () => {
    const error = await failure(readTable(folder.file('header-only.csv', 'a,b\n')));
    expect(error.code).toBe('NO_DATA_ROWS');
    expect(error.message).toContain('a, b');
  });

  it('rejects duplicate column names, naming them and their positions', async () => {
    const error = await failure(readTable(folder.file('dup.csv', 'a,Income,Income\n1,2,3\n')));
    expect(error.code).toBe('BAD_HEADER');
    expect(error.message).toContain("duplicate column name 'Income' at positions 2, 3");
  });

  it('rejects empty column names, naming the position', async () => {
    const error = await failure(readTable(folder.file('empty-name.csv', 'a,,c\n1,2,3\n')));
    expect(error.code).toBe('BAD_HEADER');
    expect(error.message).toContain('empty column name at position 2');
  });

  it('rejects a ragged row, naming the row and the field counts', async () => {
    const error = await failure(readTable(folder.file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n')));
    expect(error.code).toBe('RAGGED_ROW');
    expect(error.message).toContain('row 2 has 2 fields but the header has 3 columns');
    expect(error.details[0]).toMatchObject({ row: 2 });
  });

  it('lists non-numbers in a mostly numeric column with row, value and a --categorical hint', async () => {
    const lines = ['Income'];
    for (let i = 1; i <= 1500; i++) lines.push(i === 1234 ? 'abc' : String(1000 + i));
    const error = await failure(readTable(folder.file('income.csv', lines.join('\n'))));
    expect(error.code).toBe('BAD_VALUES');
    expect(error.message).toContain("column Income, row 1,234: 'abc' is not a number");
    expect(error.message).toContain('header excluded');
    expect(error.message).toContain('--categorical Income');
    expect(error.details).toEqual([
      { row: 1234, column: 'Income', value: 'abc', problem: 'is not a number' },
    ]);
    expect(error.total).toBe(1);
  });

  it('lists at most maxProblems details but counts them all', async () => {
    const lines = ['x'];
    for (let i = 1; i <= 1000; i++) lines.push(i % 100 === 0 ? 'bad' : String(i));
    const error = await failure(
      readTable(folder.file('many.csv', lines.join('\n')), { maxProblems: 3 }),
    );
    expect(error.details).toHaveLength(3);
    expect(error.total).toBe(10);
    expect(error.message).toContain('and 7 more');
  });

  it('treats text in a column the schema says is numeric as bad rows', async () => {
    const path = folder.file('scoring.csv', 'Income,Home\n100,rent\ntwelve,own\n300,rent\n');
    const error = await failure(
      readTable(path, { columnTypes: { Income: 'numeric', Home: 'categorical' } }),
    );
    expect(error.code).toBe('BAD_VALUES');
    expect(error.message).toContain("column Income, row 2: 'twelve' is not a number");
    expect(error.details).toEqual([
      { row: 2, column: 'Income', value: 'twelve', problem: 'is not a number' },
    ]);
  });

  it('names schema columns that the file lacks', async () => {
    const path = folder.file('lacks.csv', 'a\n1\n');
    const error = await failure(readTable(path, { columnTypes: { Income: 'numeric' } }));
    expect(error.code).toBe('COLUMN_NOT_FOUND');
    expect(error.message).toContain('Income');
  });
});

describe('set-aside bad rows', () => {
  const content = 'Income,Home\n100,rent\ntwelve,own\n300\n400,own\nx,rent\n500,rent\n';

  it('keeps bad rows apart with their raw text and reasons', async () => {
    const path = folder.file('aside.csv', content);
    const result = await readTable(path, {
      onBadRows: 'set-aside',
      columnTypes: { Income: 'numeric' },
    });
    expect(result.setAside.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(result.setAside[0]).toEqual({
      row: 2,
      text: 'twelve,own',
      reasons: [{ row: 2, column: 'Income', value: 'twelve', problem: 'is not a number' }],
    });
    expect(result.setAside[1]?.reasons[0]?.problem).toContain(
      'has 1 field but the header has 2 columns',
    );
  });

  it('accounts for every file row: kept plus set aside', async () => {
    const path = folder.file('aside-count.csv', content);
    const result = await readTable(path, {
      onBadRows: 'set-aside',
      columnTypes: { Income: 'numeric' },
    });
    expect(result.table.rowCount + result.setAside.length).toBe(6);
    expect(result.fileRows).toBe(6);
    expect(Array.from(result.rowNumbers)).toEqual([1, 4, 6]);
  });

  it('adds no category from a set-aside row', async () => {
    const path = folder.file('aside-cat.csv', 'Income,Home\n1,rent\nbad,castle\n2,own\n');
    const { table } = await readTable(path, {
      onBadRows: 'set-aside',
      columnTypes: { Income: 'numeric' },
    });
    const home = column(table, 'Home');
    expect(home.kind === 'categorical' ? home.dictionary : []).toEqual(['rent', 'own']);
  });

  it('sets aside the non-numbers of a mostly numeric column when inferring', async () => {
    const lines = ['x'];
    for (let i = 1; i <= 200; i++) lines.push(i === 50 ? 'oops' : String(i));
    const result = await readTable(folder.file('aside-infer.csv', lines.join('\n')), {
      onBadRows: 'set-aside',
    });
    expect(column(result.table, 'x').kind).toBe('numeric');
    expect(result.setAside.map((r) => r.row)).toEqual([50]);
    expect(result.table.rowCount).toBe(199);
  });
});

describe('readChunks', () => {
  it('yields chunks whose concatenation equals the whole-file table', async () => {
    const lines = ['id,x,c'];
    for (let i = 1; i <= 1000; i++)
      lines.push(`${i},${i % 7 === 0 ? '' : i / 4},${['a', 'b', 'c'][i % 3] ?? ''}`);
    const path = folder.file('chunks.csv', lines.join('\n'));
    const whole = await readTable(path);
    const chunks = [];
    for await (const chunk of readChunks(path, { chunkRows: 128 })) chunks.push(chunk);
    expect(chunks.map((c) => c.table.rowCount)).toEqual([128, 128, 128, 128, 128, 128, 128, 104]);
    for (const name of ['id', 'x', 'c']) {
      expect(chunks.flatMap((ch) => texts(column(ch.table, name)))).toEqual(
        texts(column(whole.table, name)),
      );
    }
    expect(chunks.flatMap((ch) => Array.from(ch.rowNumbers))).toEqual(Array.from(whole.rowNumbers));
  });

  it('gives every chunk the column types of the whole file', async () => {
    const lines = ['v'];
    for (let i = 1; i <= 300; i++) lines.push(i > 250 ? `t${i}` : String(i));
    const path = folder.file('late-text.csv', lines.join('\n'));
    const kinds = [];
    for await (const chunk of readChunks(path, { chunkRows: 100 }))
      kinds.push(column(chunk.table, 'v').kind);
    expect(kinds).toEqual(['categorical', 'categorical', 'categorical']);
  });
});
