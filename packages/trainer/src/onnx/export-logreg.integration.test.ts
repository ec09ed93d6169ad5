import type { LogRegModel } from '../model/types.js';
import { exportOnnx } from './export.js';
import { predictProbaModel } from './reference-predict.js';
import {
  HAND_LOGREG,
  edgeRows,
  encodeRows,
  maxAbsDiff,
  randomRows,
  runOnnx,
  type RawColumns,
} from './test-helpers.js';

const OPTIONS = {
  threshold: 0.5,
  positiveLabel: 'yes',
  schemaDigest: 'sha256:test',
  producerVersion: '0.1.0',
};

async function parity(model: LogRegModel, raw: RawColumns) {
  const expected = predictProbaModel(model, encodeRows(model.features, raw));
  const actual = await runOnnx(exportOnnx(model, OPTIONS), raw);
  return { expected, actual, gap: maxAbsDiff(expected, actual.probability) };
}

describe('logistic regression ONNX export', () => {
  test('gives the in-memory probabilities on random rows', async () => {
    const { gap, expected } = await parity(HAND_LOGREG, randomRows(1, 5000));
    expect(Math.min(...expected)).toBeLessThan(0.2);
    expect(Math.max(...expected)).toBeGreaterThan(0.8);
    expect(gap).toBeLessThan(1e-5);
  });

  test('imputes NaN and uses missingWeight for empty and unseen categories', async () => {
    const { gap } = await parity(HAND_LOGREG, edgeRows(HAND_LOGREG, 2));
    expect(gap).toBeLessThan(1e-5);
  });

  test('a missing numeric value scores like the imputed value', async () => {
    const raw = randomRows(3, 2);
    raw[0] = Float32Array.from([Number.NaN, 41.25]);
    raw[1] = ['red', 'red'];
    raw[2] = Float32Array.from([100, 100]);
    raw[3] = ['level-3', 'level-3'];
    const { actual } = await parity(HAND_LOGREG, raw);
    expect(actual.probability[0]).toBe(actual.probability[1]);
  });

  test('a model with only categorical terms, or none, still scores every row', async () => {
    const categoricalOnly: LogRegModel = { ...HAND_LOGREG, numeric: [] };
    const interceptOnly: LogRegModel = { ...HAND_LOGREG, numeric: [], categorical: [] };
    const raw = randomRows(4, 300);
    expect((await parity(categoricalOnly, raw)).gap).toBeLessThan(1e-5);
    const { actual } = await parity(interceptOnly, raw);
    expect(new Set(actual.probability)).toEqual(new Set([Math.fround(1 / (1 + Math.exp(0.8)))]));
  });

  test('labels are 1 exactly when the output probability reaches the threshold, on 10,000 rows', async () => {
    const { actual, gap } = await parity(HAND_LOGREG, randomRows(5, 10_000));
    expect(gap).toBeLessThan(1e-5);
    expect(Array.from(actual.label)).toEqual(
      Array.from(actual.probability, (p) => (p >= OPTIONS.threshold ? 1n : 0n)),
    );
    expect(new Set(actual.label).size).toBe(2);
  });
});
