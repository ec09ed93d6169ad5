import { binDataset, buildBinMappers } from './binning.js';
import type { BinnedMatrix } from './binning.js';
import { createSerialBuilder, histogramSlotSize } from './histogram.js';
import { createRng } from './rng.js';
import { makeDataset, uniform } from './test-fixtures.js';

function fixture(rows: number): { matrix: BinnedMatrix; gradHess: Float64Array } {
  // 11 features: two full blocks of the row-major matrix, the second one padded.
  const data = makeDataset({
    rows,
    seed: 8,
    columns: [
      ...Array.from({ length: 10 }, (_, f) => uniform(`x${f}`)),
      { spec: { name: 'k', kind: 'categorical' }, draw: (rng) => rng.int(6) },
    ],
    label: (_, rng) => rng.next() < 0.3,
  });
  const mappers = buildBinMappers(data, {
    maxBin: 31,
    minDataInBin: 3,
    sampleCount: rows,
    rng: createRng(1),
  });
  const matrix = binDataset(data, { mappers, shared: false });
  const rng = createRng(2);
  const gradHess = Float64Array.from({ length: 2 * rows }, (_, i) =>
    i % 2 === 0 ? rng.next() - 0.5 : 0.01 + rng.next() / 4,
  );
  return { matrix, gradHess };
}

/** Sums each (feature, bin) of the given rows directly from the per-feature columns. */
function naiveHistogram(options: {
  matrix: BinnedMatrix;
  gradHess: Float64Array;
  rows: Int32Array;
  features: readonly number[];
}): Map<string, [number, number]> {
  const { matrix, gradHess, rows, features } = options;
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    for (const f of features) {
      const key = `${f}:${matrix.columns[f]?.[r] ?? -1}`;
      const sums = out.get(key) ?? [0, 0];
      sums[0] += gradHess[2 * r] ?? NaN;
      sums[1] += gradHess[2 * r + 1] ?? NaN;
      out.set(key, sums);
    }
  }
  return out;
}

describe('histogram builder', () => {
  it.each([
    ['one chunk', 3000],
    ['several row chunks', 100000],
  ])(
    'sums the gradients and hessians of exactly the leaf rows per sampled feature (%s)',
    (_name, n) => {
      const { matrix, gradHess } = fixture(n);
      const features = Int32Array.from([0, 3, 9, 10]);
      // The leaf: every third row from row 5 on, in a partition that also holds other rows.
      const leafRows = Int32Array.from({ length: Math.floor((n - 5) / 3) }, (_, i) => 5 + 3 * i);
      const rows = new Int32Array(n);
      rows.set(leafRows, 7);
      const slotSize = histogramSlotSize(matrix);
      const hist = new Float64Array(3 * slotSize);
      const builder = createSerialBuilder(matrix);
      builder.useFeatures(features);
      builder.build({ rows, begin: 7, count: leafRows.length, gradHess, hist, histBase: slotSize });

      const expected = naiveHistogram({
        matrix,
        gradHess,
        rows: leafRows,
        features: [...features],
      });
      for (let f = 0; f < matrix.numFeatures; f++) {
        const numBins =
          (matrix.binOffsets[f + 1] ?? matrix.totalBins) - (matrix.binOffsets[f] ?? 0);
        for (let b = 0; b < numBins; b++) {
          const at = slotSize + 2 * ((matrix.binOffsets[f] ?? 0) + b);
          const [g, h] = expected.get(`${f}:${b}`) ?? [0, 0];
          if (!features.includes(f)) {
            expect([hist[at], hist[at + 1]]).toEqual([0, 0]);
            continue;
          }
          expect(hist[at]).toBeCloseTo(g, 9);
          expect(hist[at + 1]).toBeCloseTo(h, 9);
        }
      }
      // The other leaves' slots, before and after the target, are untouched.
      expect(hist.subarray(0, slotSize).every((v) => v === 0)).toBe(true);
      expect(hist.subarray(2 * slotSize).every((v) => v === 0)).toBe(true);
    },
  );
});
