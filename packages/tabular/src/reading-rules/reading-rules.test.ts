import {
  byteLineContentEnd,
  categoryField,
  DEFAULT_MISSING_TOKENS,
  lineContentEnd,
  missingTest,
  numericField,
  parseNumber,
  plainDecimal,
  plainDecimalFromBytes,
  withoutByteOrderMark,
} from './index.js';

function parse(text: string): number {
  return plainDecimal(`,${text},`, 1, text.length + 1);
}

/** The byte strategy over the text's UTF-8 bytes, framed by commas as in a line. */
function parseBytes(text: string): number {
  const bytes = new TextEncoder().encode(`,${text},`);
  return plainDecimalFromBytes(bytes, 1, bytes.length - 1);
}

function randomDecimal(random: () => number): string {
  const intDigits = Math.floor(random() * 10);
  const fracDigits = Math.floor(random() * 10);
  let text = random() < 0.3 ? '-' : '';
  for (let k = 0; k <= intDigits; k++) text += String(Math.floor(random() * 10));
  if (fracDigits > 0) {
    text += '.';
    for (let k = 0; k < fracDigits; k++) text += String(Math.floor(random() * 10));
  }
  return text;
}

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('plainDecimal (the string strategy)', () => {
  it('equals Number(text) for 200,000 random plain decimals', () => {
    const random = lcg(7);
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const text = randomDecimal(random);
      const value = parse(text);
      if (!Number.isNaN(value) && !Object.is(value, Number(text))) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('equals Number(text) for the text of random doubles', () => {
    const random = lcg(11);
    const wrong: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const text = String((random() - 0.5) * 10 ** Math.floor(random() * 12));
      const value = parse(text);
      if (!Number.isNaN(value) && !Object.is(value, Number(text))) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the sign of negative zero', () => {
    expect(Object.is(parse('-0'), -0)).toBe(true);
  });

  it.each([
    '',
    '-',
    '1e5',
    '.5',
    '5.',
    '+1',
    ' 1',
    '1 ',
    '0x10',
    '1.2.3',
    '1234567890123456',
    'NA',
  ])('leaves %p to the general parser', (text) => {
    expect(parse(text)).toBeNaN();
  });

  it('agrees with parseNumber wherever it answers', () => {
    for (const text of ['0', '007', '-12.50', '3.14159', '999999999999999', '0.00000000000001'])
      expect(parse(text)).toBe(parseNumber(text));
  });
});

describe('plainDecimalFromBytes (the byte strategy)', () => {
  it('equals parseNumber for 200,000 random decimals with and without exponents', () => {
    const random = lcg(13);
    const wrong: string[] = [];
    let answered = 0;
    for (let k = 0; k < 200_000; k++) {
      let text = randomDecimal(random);
      if (random() < 0.3) text += `${random() < 0.5 ? 'e' : 'E'}${['', '+', '-'][k % 3]}${k % 40}`;
      const value = parseBytes(text);
      if (Number.isNaN(value)) continue;
      answered++;
      if (!Object.is(value, parseNumber(text))) wrong.push(text);
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(150_000);
  });

  it.each(['0', '-0', '007', '1e5', '1E+05', '2.5e-3', '1.5e22', '9e-22', '20000.0', '-0.0'])(
    'reads %p itself, as parseNumber does',
    (text) => {
      expect(Object.is(parseBytes(text), parseNumber(text))).toBe(true);
    },
  );

  it.each([
    '',
    '-',
    '1e23',
    '1.e5',
    '.5',
    '5.',
    '1e',
    '1e+',
    '1e1234',
    'Infinity',
    '0x1F',
    ' 4',
    '+3',
  ])('leaves %p to parseNumber', (text) => {
    expect(parseBytes(text)).toBeNaN();
  });
});

describe('the field rules', () => {
  const isMissing = missingTest(DEFAULT_MISSING_TOKENS);

  it('reads a numeric field as its number, NaN when missing, null when not a number', () => {
    expect(numericField('12.5', isMissing)).toBe(12.5);
    expect(numericField(' 4', isMissing)).toBe(4);
    for (const token of DEFAULT_MISSING_TOKENS) expect(numericField(token, isMissing)).toBeNaN();
    for (const bad of ['abc', 'Infinity', '0x1F', '0b1', '0o7', '  ', '1,5'])
      expect(numericField(bad, isMissing)).toBeNull();
  });

  it('keeps a category as written and reads missing tokens as missing', () => {
    expect(categoryField(' Rent ', isMissing)).toBe(' Rent ');
    expect(categoryField('NA', isMissing)).toBeNull();
    expect(categoryField('na', isMissing)).toBe('na');
  });

  it('ends a line before CR LF, keeps a lone CR, and drops a byte order mark', () => {
    expect(lineContentEnd('a,b\r\n', 0, 4)).toBe(3);
    expect(lineContentEnd('a\rb\n', 0, 3)).toBe(3);
    expect(byteLineContentEnd(new TextEncoder().encode('a,b\r\n'), 0, 4)).toBe(3);
    expect(withoutByteOrderMark('\ufeffid,x')).toBe('id,x');
    expect(withoutByteOrderMark('id,x')).toBe('id,x');
  });
});
