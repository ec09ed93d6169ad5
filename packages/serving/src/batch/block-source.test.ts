/**
 * The workers' block parser must read every number it accepts exactly as tabular's reader does
 * (`parseNumber`, i.e. `Number(text)`), and hand back every line it does not accept; with the
 * WebAssembly reader of plain lines (wasm-parse.ts) or without it, the result is the same.
 */
import { DEFAULT_MISSING_TOKENS, parseNumber } from '@champion/tabular';
import { blockReader, type BlockLayout } from './block-source.js';
import { parserModuleOf } from './wasm-parse.js';

const READERS = [
  { reader: 'JavaScript', ...blockReader() },
  { reader: 'WebAssembly', ...blockReader(parserModuleOf()) },
];

/** A stand-in program: probability = the first input, so the test sees what was parsed. */
const echo = Object.assign(
  (columns: readonly unknown[], rows: number) => ({
    probability: (columns[0] as Float32Array).slice(0, rows),
    label: new BigInt64Array(rows),
  }),
  {
    width: 1,
    matrix: (x: Float32Array, rows: number) => ({
      probability: x.slice(0, rows),
      positive: new Uint8Array(rows),
    }),
    encode: () => NaN,
  },
);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const layout: BlockLayout = {
  width: 2,
  features: [{ at: 1, numeric: true }],
  keep: [
    { at: 0, numeric: false },
    { at: 1, numeric: true },
  ],
  missing: DEFAULT_MISSING_TOKENS,
  labels: ['no', 'yes'],
  version: '3',
};

/** Forms the workers must read themselves (missing tokens included). */
const FAST = [
  ...['0', '-0', '007', '1e5', '1E+05', '2.5e-3', '1.5e22', '9e-22', '20000.0', '-0.0'],
  ...['1.000', '12.50', '3.0e2', 'NA', ''],
];
/** Forms left to tabular's reader on the main thread. */
const SLOW = ['1e23', '1.e5', '.5', '5.', '1e', 'Infinity', '0x1F', ' 4', '+3'];
/** Forms either may read, as long as the value is tabular's. */
const EITHER = ['1e-23', '1e+', '1e1234', 'null', 'N/A', 'NaN'];

describe.each(READERS)('scoreBlock ($reader reader)', ({ scoreBlock }) => {
  it('parses numbers as parseNumber does and leaves the rest to the main thread', () => {
    let state = 99;
    const pick = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const digits = (n: number): string =>
      Array.from({ length: n }, () => String(pick(10))).join('');
    const texts = [
      ...FAST,
      ...SLOW,
      ...EITHER,
      ...Array.from({ length: 3000 }, () => {
        const sign = pick(3) === 0 ? '-' : '';
        const whole = digits(1 + pick(17));
        const frac = pick(2) === 0 ? '' : `.${digits(1 + pick(8))}`;
        const exp =
          pick(3) === 0
            ? `${pick(2) === 0 ? 'e' : 'E'}${['', '+', '-'][pick(3)] ?? ''}${pick(30)}`
            : '';
        return `${sign}${whole}${frac}${exp}`;
      }),
    ];
    const text = texts.map((t, i) => `id${i},${t}`).join('\n');
    const result = scoreBlock(bytes(text), layout, echo);
    expect(result.records).toBe(texts.length);
    const slow = new Set(result.slow.map((s) => s.index));
    const lines = result.lines ?? [];
    texts.forEach((t, i) => {
      const expected = DEFAULT_MISSING_TOKENS.includes(t) ? NaN : parseNumber(t);
      // A slow line is read by tabular's reader itself; FAST and SLOW say which must be which.
      if (slow.has(i)) return;
      const [id, kept, probability, label, version] = (lines[i] ?? '').split(',');
      expect({ t, id, kept, probability, label, version }).toEqual({
        t,
        id: `id${i}`,
        kept: Number.isNaN(expected) ? '' : String(expected),
        probability: Number.isNaN(expected) ? '' : String(Math.fround(expected)),
        label: 'no',
        version: '3',
      });
    });
    // The common forms are all read here, not left to the main thread.
    for (const t of FAST) {
      expect({ t, slow: slow.has(texts.indexOf(t)) }).toEqual({ t, slow: false });
    }
    for (const t of SLOW) {
      expect({ t, slow: slow.has(texts.indexOf(t)) }).toEqual({ t, slow: true });
    }
  });

  it('leaves lines of the wrong width to the main thread and skips blank lines', () => {
    const result = scoreBlock(bytes('a,1\r\n\nb\nc,2,3\nd,4'), layout, echo);
    expect(result.records).toBe(4);
    expect(result.slow).toEqual([
      { index: 1, line: 'b' },
      { index: 2, line: 'c,2,3' },
    ]);
    expect(result.lines).toEqual(['a,1,1,no,3', null, null, 'd,4,4,no,3']);
  });
});

describe('the WebAssembly reader', () => {
  const js = blockReader().scoreBlock;
  const reader = blockReader(parserModuleOf());
  /** The WebAssembly reader's result, and how many of its rows it read itself (not JS). */
  const wasm = (...args: Parameters<typeof js>): ReturnType<typeof js> & { byParser: number } => {
    const before = reader.rowsReadByParser();
    const result = reader.scoreBlock(...args);
    return { ...result, byParser: reader.rowsReadByParser() - before };
  };
  /** Probability = a mix of every input, so each parsed value shows in the output. */
  const mix = Object.assign(
    (_columns: readonly unknown[], rows: number) => ({
      probability: new Float32Array(rows),
      label: new BigInt64Array(rows),
    }),
    {
      width: 3,
      matrix: (x: Float32Array, rows: number) => ({
        probability: Float32Array.from({ length: rows }, (_, r) => {
          const [a = 0, b = 0, c = 0] = x.subarray(r * 3, r * 3 + 3);
          return a + 1000 * b + 7 * c;
        }),
        positive: Uint8Array.from({ length: rows }, (_, r) => r % 2),
      }),
      // A category's code: its length, NaN when unknown ('' or missing).
      encode: (_input: number, value: string) => (value === '' ? NaN : value.length),
    },
  );
  const wide: BlockLayout = {
    width: 5,
    features: [
      { at: 1, numeric: true },
      { at: 3, numeric: false },
      { at: 4, numeric: true },
    ],
    keep: [
      { at: 0, numeric: false },
      { at: 4, numeric: true },
      { at: 3, numeric: false },
    ],
    missing: DEFAULT_MISSING_TOKENS,
    labels: ['"no"', '"yes"'],
    version: '"7"',
  };

  it.each([
    ['plain lines', 'a,1,skip,cat,2\nb,-3.5,x,dog,1e5\nc,20000.0,,,\n'],
    ['missing tokens', 'NA,NA,NA,NA,NA\nnull,N/A,y,NULL,NaN\n,,,,\n'],
    ['CRLF and blank lines', 'a,1,s,c,2\r\n\r\n\nb,2,s,d,3\r\nc,3,s,e,4'],
    [
      'odd numbers between plain lines',
      'a,1,s,c,2\nb, 4,s,c,2\nc,.5,s,c,2\nd,5.,s,c,2\ne,1e23,s,c,2\nf,3,s,c,2\n',
    ],
    ['wrong widths', 'a,1,s,c\nb,1,s,c,2,9\nc,1,s,c,2\nd\n'],
    ['CR inside fields', 'a\rb,1,s,c,2\nc,1\r,s,c,2\nd,1,s,c\rx,2\ne,1,s,c,2\r'],
    ['non-ASCII text', 'Zürich,1,é,Genève,2\nb,1,s,ß,2\nc,1,é,dog,2\n'],
    ['a last line without LF', 'a,1,s,c,2\nb,2,s,c,3'],
  ])("gives the JavaScript reader's result on %s", (_what, text) => {
    const block = bytes(text);
    const { byParser, ...result } = wasm(block.slice(), wide, mix);
    expect(result).toEqual(js(block.slice(), wide, mix));
    // Its own work, not the JavaScript reader's: each of these texts has plain lines.
    expect(byParser).toBeGreaterThan(0);
  });

  it("gives the JavaScript reader's result on 20,000 random lines", () => {
    let state = 7;
    const pick = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const fields = ['1', '-2.25', '007', '1e5', '', 'NA', 'x', '3.', 'é', '1\r', '20000.0', '1e23'];
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      pick(50) === 0
        ? ''
        : [
            `id${i}`,
            ...Array.from({ length: pick(40) === 0 ? 4 : 4 }, () => fields[pick(fields.length)]),
          ].join(','),
    );
    const block = bytes(lines.join(pick(2) === 0 ? '\n' : '\r\n'));
    const { byParser, ...result } = wasm(block.slice(), wide, mix);
    expect(result).toEqual(js(block.slice(), wide, mix));
    expect(byParser).toBeGreaterThan(1000);
  });
});
