import { NOT_PLAIN, parsePlainDecimal } from './fast-number.js';
import { parseNumber } from './missing.js';

function parse(text: string): number | typeof NOT_PLAIN {
  return parsePlainDecimal(`,${text},`, 1, text.length + 1);
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

describe('parsePlainDecimal', () => {
  it('equals Number(text) for 200,000 random plain decimals', () => {
    const random = lcg(7);
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const text = randomDecimal(random);
      const value = parse(text);
      if (value !== NOT_PLAIN && !Object.is(value, Number(text))) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('equals Number(text) for the text of random doubles', () => {
    const random = lcg(11);
    const wrong: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const text = String((random() - 0.5) * 10 ** Math.floor(random() * 12));
      const value = parse(text);
      if (value !== NOT_PLAIN && !Object.is(value, Number(text))) wrong.push(text);
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
    expect(parse(text)).toBe(NOT_PLAIN);
  });

  it('agrees with parseNumber wherever it answers', () => {
    for (const text of ['0', '007', '-12.50', '3.14159', '999999999999999', '0.00000000000001'])
      expect(parse(text)).toBe(parseNumber(text));
  });
});
