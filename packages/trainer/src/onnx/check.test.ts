import type { FeatureSpec } from '../model/types.js';
import { assertOnnxSignature, checkOnnxSignature } from './check.js';
import { OnnxError, inspectOnnx } from '@champion/onnx';
import { exportOnnx } from './export.js';
import { METADATA_KEYS } from './metadata.js';
import { FEATURES, HAND_GBDT, HAND_LOGREG } from './test-helpers.js';

const OPTIONS = {
  threshold: 0.35,
  positiveLabel: 'default',
  schemaDigest: 'sha256:abc',
  producerVersion: '1.2.3',
  metadata: { 'mlflow.run_id': 'r1' },
};

describe('inspectOnnx', () => {
  const info = inspectOnnx(exportOnnx(HAND_GBDT, OPTIONS));

  test('lists one rank-1 input per feature with its type, in feature order', () => {
    expect(info.inputs).toEqual([
      { name: 'age', elemType: 1, shape: ['N'] },
      { name: 'colour', elemType: 8, shape: ['N'] },
      { name: 'income', elemType: 1, shape: ['N'] },
      { name: 'region', elemType: 8, shape: ['N'] },
    ]);
  });

  test('lists the probability (float) and label (int64) outputs', () => {
    expect(info.outputs).toEqual([
      { name: 'probability', elemType: 1, shape: ['N'] },
      { name: 'label', elemType: 7, shape: ['N'] },
    ]);
  });

  test('reads back the champion metadata, producer and opsets', () => {
    expect(info.metadata).toMatchObject({
      [METADATA_KEYS.threshold]: '0.35',
      [METADATA_KEYS.positiveLabel]: 'default',
      [METADATA_KEYS.schemaDigest]: 'sha256:abc',
      [METADATA_KEYS.producer]: 'champion',
      [METADATA_KEYS.producerVersion]: '1.2.3',
      [METADATA_KEYS.modelKind]: 'gbdt',
      [METADATA_KEYS.features]: JSON.stringify(['age', 'colour', 'income', 'region']),
      'mlflow.run_id': 'r1',
    });
    expect(info).toMatchObject({
      producerName: 'champion',
      producerVersion: '1.2.3',
      opsets: { '': 21, 'ai.onnx.ml': 5 },
    });
  });

  test('refuses bytes that are not an ONNX model', () => {
    expect(() => inspectOnnx(new TextEncoder().encode('{"not": "onnx"}'))).toThrow(OnnxError);
  });
});

describe('checkOnnxSignature', () => {
  const info = inspectOnnx(exportOnnx(HAND_LOGREG, OPTIONS));

  test('finds nothing wrong when the schema is the one the model was exported with', () => {
    expect(checkOnnxSignature(info, FEATURES)).toEqual([]);
    expect(
      checkOnnxSignature(
        info,
        FEATURES.map((f) => ({ name: f.name, type: f.kind })),
      ),
    ).toEqual([]);
  });

  test('reports a schema feature the model has no input for, and the input it does not know', () => {
    const renamed: FeatureSpec[] = FEATURES.map((f) =>
      f.name === 'income' ? { ...f, name: 'salary' } : f,
    );
    const paths = checkOnnxSignature(info, renamed).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['inputs.salary', 'inputs.income']));
  });

  test('reports a feature whose type differs from the input', () => {
    const retyped: FeatureSpec[] = FEATURES.map((f) =>
      f.name === 'age' ? { name: 'age', kind: 'categorical' } : f,
    );
    expect(checkOnnxSignature(info, retyped)).toContainEqual({
      path: 'inputs.age',
      problem: 'type is float32, expected string',
    });
  });

  test('assertOnnxSignature throws a signature-mismatch error naming the column', () => {
    expect(() => assertOnnxSignature(info, FEATURES.slice(0, 3))).toThrow(/inputs\.region/);
  });
});
