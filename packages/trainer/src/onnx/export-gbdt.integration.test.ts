import type { GbdtModel } from '../model/types.js';
import { exportOnnx } from './export.js';
import { predictProbaModel } from './reference-predict.js';
import {
  HAND_GBDT,
  edgeRows,
  encodeRows,
  maxAbsDiff,
  randomGbdt,
  randomRows,
  runOnnx,
  type RawColumns,
} from './test-helpers.js';

const OPTIONS = {
  threshold: 0.42,
  positiveLabel: 'default',
  schemaDigest: 'sha256:test',
  producerVersion: '0.1.0',
};

async function parity(model: GbdtModel, raw: RawColumns) {
  const expected = predictProbaModel(model, encodeRows(model.features, raw));
  const actual = await runOnnx(exportOnnx(model, OPTIONS), raw);
  return { expected, actual, gap: maxAbsDiff(expected, actual.probability) };
}

describe('GBDT ONNX export', () => {
  test('the hand-built model gives the in-memory probabilities on random rows', async () => {
    const { gap, expected } = await parity(HAND_GBDT, randomRows(1, 2000));
    expect(new Set(expected).size).toBeGreaterThan(10); // the rows reach many leaf combinations
    expect(gap).toBeLessThan(1e-5);
  });

  test('rows at, just above and just below every threshold route as in memory', async () => {
    const { gap } = await parity(HAND_GBDT, edgeRows(HAND_GBDT, 2));
    expect(gap).toBeLessThan(1e-5);
  });

  test('the split point itself goes left and the next float32 up goes right', async () => {
    const stump: GbdtModel = {
      ...HAND_GBDT,
      baseScore: 0,
      trees: [
        {
          kind: 'numeric',
          feature: 0,
          threshold: Math.fround(35.5),
          missingLeft: false,
          gain: 1,
          left: { kind: 'leaf', value: -2 },
          right: { kind: 'leaf', value: 2 },
        },
      ],
    };
    const raw = randomRows(3, 3);
    raw[0] = Float32Array.from([35.5, 35.500004, Number.NaN]);
    const { actual } = await parity(stump, raw);
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    expect(Array.from(actual.probability)).toEqual([-2, 2, 2].map((z) => Math.fround(sigmoid(z))));
  });

  test('missing, empty and unseen categories follow the learned missing branch', async () => {
    const raw = randomRows(4, 4);
    raw[1] = ['', 'never-seen', 'green', 'red'];
    const { expected, actual } = await parity(HAND_GBDT, raw);
    expect(expected[0]).toBe(expected[1]);
    expect(maxAbsDiff(expected, actual.probability)).toBeLessThan(1e-5);
  });

  test('roots with one leaf child and one-leaf trees score correctly in any order', async () => {
    // onnxruntime 1.23 mistakes such roots for leaves when their true and false ids coincide.
    const leaf = (value: number) => ({ kind: 'leaf', value }) as const;
    const split = {
      kind: 'numeric',
      feature: 0,
      threshold: 30,
      missingLeft: true,
      gain: 1,
    } as const;
    const shapes = [
      { ...split, left: leaf(0.1), right: leaf(-0.1) },
      {
        ...split,
        left: leaf(0.2),
        right: { ...split, feature: 2, threshold: 100, left: leaf(0.3), right: leaf(-0.3) },
      },
      {
        ...split,
        left: { ...split, feature: 2, threshold: 100, left: leaf(0.4), right: leaf(-0.4) },
        right: leaf(0.5),
      },
      leaf(0.6),
    ];
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [1, 0, 3, 2],
      [2, 3, 0, 1],
      [0, 0, 1, 1, 2, 2, 3, 3],
    ]) {
      const model: GbdtModel = { ...HAND_GBDT, trees: order.map((i) => shapes[i] ?? leaf(0)) };
      const { gap } = await parity(model, randomRows(5, 500));
      expect(gap).toBeLessThan(1e-5);
    }
  });

  test.each([11, 12, 13])(
    'a random 30-tree ensemble (seed %i) matches on random and edge rows',
    async (seed) => {
      const model = randomGbdt(seed);
      const random = await parity(model, randomRows(seed, 3000));
      const edges = await parity(model, edgeRows(model, seed));
      expect(random.gap).toBeLessThan(1e-5);
      expect(edges.gap).toBeLessThan(1e-5);
    },
  );

  test('labels are 1 exactly when the output probability reaches the threshold', async () => {
    const { actual } = await parity(randomGbdt(21), randomRows(21, 3000));
    const expected = Array.from(actual.probability, (p) => (p >= OPTIONS.threshold ? 1n : 0n));
    expect(Array.from(actual.label)).toEqual(expected);
    expect(new Set(actual.label).size).toBe(2);
  });

  test('a batch of 10,000 rows is scored in one run', async () => {
    const { actual, gap } = await parity(randomGbdt(31), randomRows(31, 10_000));
    expect(actual.probability).toHaveLength(10_000);
    expect(actual.label).toHaveLength(10_000);
    expect(gap).toBeLessThan(1e-5);
  });
});
