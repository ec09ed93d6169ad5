import { parse } from 'csv-parse/sync';
import { CsvTokenizer } from './tokenizer.js';
import { createRng } from '../random.js';

function tokenize(text: string, pieces = 1): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer({
    source: 'test.csv',
    onRecord: (fields) => records.push([...fields]),
  });
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) tokenizer.push(text.slice(i, i + size));
  tokenizer.end();
  return records;
}

describe('CsvTokenizer', () => {
  it('splits plain records on commas and LF', () => {
    expect(tokenize('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('accepts CRLF line ends and a last line without a line end', () => {
    expect(tokenize('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('strips a UTF-8 byte-order mark from the first header name', () => {
    expect(tokenize('\uFEFFid,x\n1,2\n')[0]).toEqual(['id', 'x']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,note\n"Smith, J","said ""hi""\nthen left"\n';
    expect(tokenize(text)).toEqual([
      ['name', 'note'],
      ['Smith, J', 'said "hi"\nthen left'],
    ]);
  });

  it('reads a quoted header and empty quoted fields', () => {
    expect(tokenize('"ID","x"\n"",2\n')).toEqual([
      ['ID', 'x'],
      ['', '2'],
    ]);
  });

  it('skips blank lines', () => {
    expect(tokenize('a\n\n1\n\n')).toEqual([['a'], ['1']]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const text = 'a,b,c\r\n"x,""y""",2,"multi\r\nline"\r\n3,,"q"\r\n';
    const whole = tokenize(text);
    for (const pieces of [2, 3, 5, 7, text.length]) expect(tokenize(text, pieces)).toEqual(whole);
  });

  it('rejects an unclosed quote, naming the data row', () => {
    expect(() => tokenize('a,b\n1,2\n3,"open\n')).toThrow(
      /data row 2 \(header excluded\).*never closed/,
    );
  });

  it('rejects text after a closing quote', () => {
    expect(() => tokenize('a,b\n"x"y,2\n')).toThrow(/unexpected text after a closing quote/);
  });

  it('agrees with csv-parse on random quoted data cut at random places', () => {
    const rng = createRng(5);
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', '1', 'é'];
    const rows: string[][] = [];
    for (let r = 0; r < 300; r++) {
      const row: string[] = [];
      for (let c = 0; c < 4; c++) {
        let field = '';
        const len = rng.int(6);
        for (let k = 0; k < len; k++) field += alphabet[rng.int(alphabet.length)] ?? '';
        row.push(field);
      }
      rows.push(row);
    }
    // Every field quoted so blank-looking rows are never blank lines.
    const text = rows
      .map((row) => row.map((f) => `"${f.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');
    const expected: string[][] = parse(text, { relax_quotes: false });
    expect(tokenize(text, 17)).toEqual(expected);
  });
});
