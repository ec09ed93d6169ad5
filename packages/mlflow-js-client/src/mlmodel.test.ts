import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMLmodel, readMLmodel, stringifyMLmodel, writeMLmodel } from './mlmodel.js';
import type { MLmodel } from './mlmodel.js';

// As written by MLflow 3's Model.save (abridged).
const MLFLOW_WRITTEN = `artifact_path: model
flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: 1.17.0
    providers:
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.11.9
mlflow_version: 3.17.2
model_id: m-0123456789abcdef
model_size_bytes: 1234
model_uuid: 4b0d3c0a1e0b4c8d
signature:
  inputs: '[{"type": "double", "name": "age", "required": true}]'
  outputs: '[{"type": "long", "name": "label", "required": true}]'
  params: null
utc_time_created: '2026-01-01 00:00:00.000000'
`;

describe('MLmodel', () => {
  it('reads what MLflow writes, keeping the signature as JSON strings', () => {
    const model = parseMLmodel(MLFLOW_WRITTEN);
    expect(model.model_id).toBe('m-0123456789abcdef');
    expect(JSON.parse(model.signature?.inputs ?? '[]')).toEqual([
      { type: 'double', name: 'age', required: true },
    ]);
  });

  it('round-trips through write and read unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlmodel-'));
    try {
      const model = parseMLmodel(MLFLOW_WRITTEN);
      await writeMLmodel(join(dir, 'MLmodel'), model);
      expect(await readMLmodel(join(dir, 'MLmodel'))).toEqual(model);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps keys it does not know', () => {
    const model = { flavors: {}, custom_field: { a: 1 } } as MLmodel;
    expect(parseMLmodel(stringifyMLmodel(model))['custom_field']).toEqual({ a: 1 });
  });

  it('writes the utc time as a string so YAML does not turn it into a date', () => {
    const text = stringifyMLmodel({ flavors: {}, utc_time_created: '2026-01-01 00:00:00.000000' });
    expect(parseMLmodel(text).utc_time_created).toBe('2026-01-01 00:00:00.000000');
  });

  it('rejects a file without flavors, naming the field', () => {
    expect(() => parseMLmodel('artifact_path: model\n', 'x/MLmodel')).toThrow(
      /x\/MLmodel.*flavors/,
    );
  });

  it('rejects text that is not YAML', () => {
    expect(() => parseMLmodel('flavors: [unclosed')).toThrow(/not valid YAML/);
  });
});
