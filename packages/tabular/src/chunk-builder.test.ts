/**
 * `addLine` (one pass over an unsplit line) must build exactly what `add` builds from the split
 * fields, for every kind of text a numeric or categorical field can hold.
 */
import { ChunkBuilder } from './chunk-builder.js';
import { DEFAULT_MISSING_TOKENS, missingTest } from './reading-rules/index.js';
import type { ColumnType } from './read-options.js';

const TOKENS = [
  '',
  '0',
  '-0',
  '7',
  '007',
  '-12',
  '3.25',
  '-0.5',
  '5.',
  '.5',
  '-',
  '1.2.3',
  '1e5',
  '-2.5E-3',
  ' 4',
  '4 ',
  '123456789012345',
  '1234567890123456',
  '0.1234567890123456789',
  'NA',
  'null',
  'NaN',
  'nan',
  'Infinity',
  '-inf',
  'abc',
  '12k',
  '1,5',
  'x.y',
  '+3',
  '0x1F',
  '9'.repeat(30),
];

function builder(types: readonly ColumnType[]): ChunkBuilder {
  return new ChunkBuilder({
    header: types.map((_, i) => `c${i}`),
    types,
    capacity: 10_000,
    isMissing: missingTest(DEFAULT_MISSING_TOKENS),
    plainDecimalsArePresent: true,
  });
}

describe('ChunkBuilder.addLine', () => {
  it('builds what add builds from the split fields, problems included', () => {
    let state = 12345;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const types: ColumnType[] = ['numeric', 'categorical', 'numeric', 'numeric', 'categorical'];
    const viaLine = builder(types);
    const viaFields = builder(types);
    for (let row = 1; row <= 5000; row++) {
      // Mostly the right field count; sometimes one too few or too many.
      const width = types.length + (random(20) === 0 ? random(3) - 1 : 0);
      const line = Array.from({ length: width }, () => TOKENS[random(TOKENS.length)]).join(',');
      const a = viaLine.addLine(line, row, ',');
      const b = viaFields.add(line.split(','), row);
      expect({ line, problems: a }).toEqual({ line, problems: b });
      if (a.length > 0) {
        viaLine.addSetAside({ row, text: line, reasons: a });
        viaFields.addSetAside({ row, text: line, reasons: b });
      }
    }
    const built = viaLine.build();
    expect(built.table.rowCount).toBeGreaterThan(100);
    expect(built).toEqual(viaFields.build());
  });
});
