import type { TreeNode } from '../../model/types.js';
import { buildBinMappers, separatingThreshold, valueToBin } from './binning.js';
import { trainGbdt } from './index.js';
import { createRng } from './rng.js';
import { makeDataset } from './test-fixtures.js';

function numericSplits(node: TreeNode): { feature: number; threshold: number }[] {
  if (node.kind === 'leaf') return [];
  const here =
    node.kind === 'numeric' ? [{ feature: node.feature, threshold: node.threshold }] : [];
  return [...here, ...numericSplits(node.left), ...numericSplits(node.right)];
}

describe('numeric bin boundaries', () => {
  it('separate two adjacent float32 values even when their midpoint rounds up', () => {
    const lower = Math.fround(1.0000001);
    const upper = Math.fround(lower + 1.2e-7);
    const t = separatingThreshold(lower, upper);
    expect(Math.fround(t)).toBe(t);
    expect(lower <= t && t < upper).toBe(true);
  });

  it('route every training value like its bin at every split threshold', () => {
    const data = makeDataset({
      rows: 3000,
      seed: 5,
      columns: [
        { spec: { name: 'wide', kind: 'numeric' }, draw: (rng) => (rng.next() - 0.5) * 1e6 },
        { spec: { name: 'fine', kind: 'numeric' }, draw: (rng) => 1 + rng.next() * 1e-5 },
        { spec: { name: 'ints', kind: 'numeric' }, draw: (rng) => rng.int(40) },
      ],
      label: ([a, b, c], rng) =>
        rng.next() <
        ((a as number) > 0 ? 0.6 : 0.3) +
          ((b as number) > 1.000005 ? 0.2 : 0) -
          ((c as number) > 20 ? 0.2 : 0),
    });
    const params = { n_estimators: 10, max_bin: 63, bin_construct_sample_cnt: 1000 };
    const model = trainGbdt(data, { params, seed: 3 });
    const mappers = buildBinMappers(data, {
      maxBin: 63,
      minDataInBin: 3,
      sampleCount: 1000,
      rng: createRng(3),
    });
    const splits = model.trees.flatMap(numericSplits);
    expect(splits.length).toBeGreaterThan(20);
    for (const { feature, threshold } of splits) {
      const mapper = mappers[feature];
      if (mapper?.kind !== 'numeric') throw new Error('expected a numeric mapper');
      expect(Math.fround(threshold)).toBe(threshold);
      const bin = mapper.upperBounds.indexOf(threshold);
      expect(bin).toBeGreaterThanOrEqual(0);
      const misrouted = (data.columns[feature] ?? []).filter(
        (v) => v <= threshold !== valueToBin(mapper, v) <= bin,
      );
      expect(misrouted).toHaveLength(0);
    }
  });
});
