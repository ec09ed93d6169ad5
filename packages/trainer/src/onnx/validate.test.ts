import type { GbdtModel } from '../model/types.js';
import { OnnxError } from '@champion/onnx';
import { exportOnnx } from './export.js';
import { HAND_GBDT, HAND_LOGREG } from './test-helpers.js';

const OPTIONS = {
  threshold: 0.5,
  positiveLabel: 'yes',
  schemaDigest: 'd',
  producerVersion: '0.1.0',
};
const stump = (threshold: number): GbdtModel => ({
  ...HAND_GBDT,
  trees: [
    {
      kind: 'numeric',
      feature: 0,
      threshold,
      missingLeft: true,
      gain: 1,
      left: { kind: 'leaf', value: 1 },
      right: { kind: 'leaf', value: 0 },
    },
  ],
});

function exportError(run: () => unknown): OnnxError {
  try {
    run();
  } catch (error) {
    if (error instanceof OnnxError) return error;
    throw error;
  }
  throw new Error('expected an OnnxError');
}

describe('export validation', () => {
  test('a threshold that is not a float32 value is refused, naming the node', () => {
    const error = exportError(() => exportOnnx(stump(0.1), OPTIONS));
    expect(error.code).toBe('invalid-model');
    expect(error.message).toContain('tree 0 root');
  });

  test('a categorical split referring to an unknown category code is refused', () => {
    const model: GbdtModel = {
      ...HAND_GBDT,
      trees: [
        {
          kind: 'categorical',
          feature: 1,
          leftCategories: [3],
          missingLeft: true,
          gain: 1,
          left: { kind: 'leaf', value: 1 },
          right: { kind: 'leaf', value: 0 },
        },
      ],
    };
    expect(exportError(() => exportOnnx(model, OPTIONS)).message).toContain("0..2 of 'colour'");
  });

  test('a feature named like an output is refused', () => {
    const model = {
      ...HAND_LOGREG,
      features: [{ name: 'probability', kind: 'numeric' as const }],
      numeric: [],
      categorical: [],
    };
    expect(exportError(() => exportOnnx(model, OPTIONS)).message).toContain("'probability'");
  });

  test('a decision threshold outside [0, 1] is refused', () => {
    expect(exportError(() => exportOnnx(HAND_LOGREG, { ...OPTIONS, threshold: 1.5 })).code).toBe(
      'invalid-options',
    );
  });

  test('a float32 threshold, including infinity, is accepted', () => {
    expect(exportOnnx(stump(Math.fround(0.1)), OPTIONS).length).toBeGreaterThan(0);
    expect(exportOnnx(stump(Infinity), OPTIONS).length).toBeGreaterThan(0);
  });
});
