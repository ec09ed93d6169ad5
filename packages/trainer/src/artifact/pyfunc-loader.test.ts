import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMLmodel } from 'mlflow-js-client';
import { writeModelDir } from './model-dir.js';
import { pyfuncLoaderSource } from './pyfunc-loader.js';

describe('the pyfunc loader in a model folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pyfunc-loader-'));
    await writeModelDir({
      dir,
      modelId: 'm-1',
      onnx: new Uint8Array([1, 2, 3]),
      features: [
        { name: 'age', kind: 'numeric' },
        { name: 'home', kind: 'categorical', categories: ['own', 'rent'] },
      ],
      signatureTypes: { age: 'long', home: 'string' },
      example: { source: 'real', rows: [{ age: 30, home: 'own' }] },
      schema: {},
      profile: {},
      metrics: {},
      plots: {},
      metadata: {},
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names champion_pyfunc from code/ as the python_function loader and keeps the onnx flavor', async () => {
    const mlmodel = parseMLmodel(await readFile(join(dir, 'MLmodel'), 'utf8'));
    expect(mlmodel.flavors['python_function']).toMatchObject({
      loader_module: 'champion_pyfunc',
      code: 'code',
      data: 'model.onnx',
    });
    expect(mlmodel.flavors['onnx']).toMatchObject({ data: 'model.onnx' });
  });

  it('copies the repository file unchanged into code/', async () => {
    const shipped = await readFile(join(dir, 'code', 'champion_pyfunc.py'), 'utf8');
    expect(shipped).toBe(await readFile(pyfuncLoaderSource(), 'utf8'));
    expect(shipped).toContain('def _load_pyfunc(');
  });

  it('writes the signature types it is given', async () => {
    const mlmodel = parseMLmodel(await readFile(join(dir, 'MLmodel'), 'utf8'));
    expect(JSON.parse(mlmodel.signature?.inputs ?? '[]')).toEqual([
      { type: 'long', name: 'age', required: true },
      { type: 'string', name: 'home', required: true },
    ]);
  });
});
