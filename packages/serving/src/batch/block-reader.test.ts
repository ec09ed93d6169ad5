/**
 * The workers' block reader must make of every line what tabular's reading rules make of it
 * (`numericField`, `categoryField`, line ends), and hand back every line that is not a good row
 * (a number that is not one, another field count), so the main thread rejects it with the reason.
 */
import {
  categoryField,
  DEFAULT_MISSING_TOKENS,
  missingTest,
  numericField,
  parseNumber,
} from '@champion/tabular';
import { scoreBlock, type BlockLayout, type BlockResult } from './block-reader.js';
import type { ScoreFunction } from '@champion/runtime/compiled';

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

/** Forms the workers read themselves: numbers (by the byte strategy or parseNumber) and missing tokens. */
const READ = [
  ...['0', '-0', '007', '1e5', '1E+05', '2.5e-3', '1.5e22', '9e-22', '20000.0', '-0.0'],
  ...['1.000', '12.50', '3.0e2', 'NA', '', 'null', 'N/A', 'NaN'],
  ...['1e23', '1.e5', '.5', '5.', ' 4', '+3', '1e-23'],
];
/** Forms that are not numbers: left to tabular's reader on the main thread, which rejects them. */
const SLOW = ['1e', '1e+', '1e1234', 'Infinity', '0x1F', 'abc', '--1', '1 2'];

describe('scoreBlock', () => {
  it('parses numbers as parseNumber does and leaves the rest to the main thread', () => {
    let state = 99;
    const pick = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const digits = (n: number): string =>
      Array.from({ length: n }, () => String(pick(10))).join('');
    const texts = [
      ...READ,
      ...SLOW,
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
      // A slow line is read by tabular's reader itself; READ and SLOW say which must be which.
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
    // Every number and missing token is read here, not left to the main thread.
    for (const t of READ) {
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

/** A block's result as one output line per record (null: slow) and the slow lines. */
function perRecord(result: BlockResult): { lines: (string | null)[]; slow: BlockResult['slow'] } {
  if (result.bytes === undefined) return { lines: [...(result.lines ?? [])], slow: result.slow };
  const text = new TextDecoder().decode(result.bytes);
  return { lines: text === '' ? [] : text.slice(0, -1).split('\n'), slow: result.slow };
}

/**
 * What tabular's rules make of the block, line by line (split, CR LF, blank lines, fields), scored
 * with `score` and formatted as the output file has it: the block reader's reference.
 */
function byTheRules(
  text: string,
  layout: BlockLayout,
  score: ScoreFunction,
): ReturnType<typeof perRecord> {
  const isMissing = missingTest(layout.missing);
  const slow: { index: number; line: string }[] = [];
  const good: { index: number; x: number[]; kept: string[] }[] = [];
  let index = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const fields = line.split(',');
    const row =
      fields.length === layout.width ? readRow(fields, { layout, score, isMissing }) : null;
    if (row === null) slow.push({ index, line });
    else good.push({ index, ...row });
    index++;
  }
  const x = Float32Array.from(good.flatMap((g) => g.x));
  const { probability, positive } = score.matrix(x, good.length);
  const lines = new Array<string | null>(index).fill(null);
  good.forEach((g, r) => {
    const p = probability[r] as number;
    const cells = [
      ...g.kept,
      Number.isNaN(p) ? '' : String(p),
      layout.labels[positive[r] ?? 0],
      layout.version,
    ];
    lines[g.index] = cells.join(',');
  });
  return { lines, slow };
}

function readRow(
  fields: readonly string[],
  options: { layout: BlockLayout; score: ScoreFunction; isMissing: (t: string) => boolean },
): { x: number[]; kept: string[] } | null {
  const { layout, score, isMissing } = options;
  const x: number[] = [];
  for (const [f, feature] of layout.features.entries()) {
    const text = fields[feature.at] as string;
    if (feature.numeric) {
      const value = numericField(text, isMissing);
      if (value === null) return null;
      x.push(value);
    } else x.push(score.encode(f, categoryField(text, isMissing) ?? ''));
  }
  const kept: string[] = [];
  for (const k of layout.keep) {
    const text = fields[k.at] as string;
    if (k.numeric) {
      const value = numericField(text, isMissing) ?? NaN;
      kept.push(Number.isNaN(value) ? '' : String(value));
    } else if (text.includes('\r'))
      return null; // would need quoting
    else kept.push(categoryField(text, isMissing) ?? '');
  }
  return { x, kept };
}

describe("the block reader against tabular's rules", () => {
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
  ])('reads %s as the rules do', (_what, text) => {
    const result = perRecord(scoreBlock(bytes(text), wide, mix));
    expect(result).toEqual(byTheRules(text, wide, mix));
    // Its own work: each of these texts has good lines.
    expect(result.lines.some((line) => line !== null)).toBe(true);
  });

  it('reads 20,000 random lines as the rules do', () => {
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
    const text = lines.join(pick(2) === 0 ? '\n' : '\r\n');
    const result = perRecord(scoreBlock(bytes(text), wide, mix));
    expect(result).toEqual(byTheRules(text, wide, mix));
    expect(result.lines.filter((line) => line !== null).length).toBeGreaterThan(1000);
  });
});
