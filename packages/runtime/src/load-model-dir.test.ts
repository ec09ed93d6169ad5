import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { breakSchema, tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { ModelError } from './errors.js';
import { loadModelDir } from './load-model-dir.js';
import type { LoadedModel } from './loaded-model.js';
import { syntheticBatch } from './warm-up.js';

describe('loadModelDir', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let good: string;
  const opened: LoadedModel[] = [];

  beforeAll(async () => {
    tmp = await tempDir('serving-load');
    good = await writeFixtureModelDir({ dir: join(tmp.dir, 'good'), threshold: 0.3 });
  });
  afterAll(async () => {
    await Promise.all(opened.map((m) => m.retire()));
    await tmp.cleanup();
  });

  async function copyOfGood(name: string): Promise<string> {
    const dir = join(tmp.dir, name);
    await cp(good, dir, { recursive: true });
    return dir;
  }

  async function refusal(dir: string): Promise<ModelError> {
    const error: unknown = await loadModelDir(dir, { name: 'credit', version: '7' }).then(
      (m) => (opened.push(m), undefined),
      (e: unknown) => e,
    );
    if (!(error instanceof ModelError))
      throw new Error(`expected a ModelError, got ${String(error)}`);
    return error;
  }

  it('serves the features of schema.json in model.onnx input order, with the threshold', async () => {
    const loaded = await loadModelDir(good, { name: 'credit', version: '1', alias: 'champion' });
    opened.push(loaded);
    const schema = JSON.parse(await readFile(join(good, 'champion', 'schema.json'), 'utf8')) as {
      features: { name: string; type: string }[];
    };
    expect(loaded.model.features.map((f) => [f.name, f.type])).toEqual(
      schema.features.map((f) => [f.name, f.type]),
    );
    expect(loaded.model.threshold).toBe(0.3);
    expect(loaded.model).toMatchObject({
      name: 'credit',
      version: '1',
      alias: 'champion',
      target: { name: 'default' },
    });
  });

  it('scores a batch into probabilities and labels that follow the threshold', async () => {
    const loaded = await loadModelDir(good, { name: 'credit', version: '1' });
    opened.push(loaded);
    const scores = await loaded.score(syntheticBatch(loaded.model.features, 40));
    expect(scores.probability).toHaveLength(40);
    scores.probability.forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(scores.label[i]).toBe(p >= Math.fround(0.3) ? 1n : 0n);
    });
  });

  it('finishes batches already in flight before a retired model releases its session', async () => {
    const loaded = await loadModelDir(good, { name: 'credit', version: '1' });
    const inFlight = loaded.score(syntheticBatch(loaded.model.features, 2000));
    const retired = loaded.retire();
    await expect(inFlight).resolves.toMatchObject({ probability: expect.any(Float32Array) });
    await retired;
    await expect(loaded.run(syntheticBatch(loaded.model.features, 1))).rejects.toThrow();
  });

  it('refuses a model whose schema.json names a feature model.onnx does not take, naming both', async () => {
    const dir = await copyOfGood('renamed');
    await breakSchema(dir, { from: 'income', to: 'salary' });
    const error = await refusal(dir);
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.message).toMatch(/'salary' are not inputs of model\.onnx/);
    expect(error.message).toMatch(/model\.onnx inputs 'income' are not features/);
  });

  it('refuses a model whose schema.json gives a feature the wrong type', async () => {
    const dir = await copyOfGood('retyped');
    const path = join(dir, 'champion', 'schema.json');
    const doc = JSON.parse(await readFile(path, 'utf8')) as {
      features: { name: string; type: string }[];
    };
    doc.features = doc.features.map((f) => (f.name === 'age' ? { ...f, type: 'categorical' } : f));
    await writeFile(path, JSON.stringify(doc));
    expect((await refusal(dir)).message).toMatch(
      /feature 'age' is categorical .* model\.onnx takes float32/,
    );
  });

  it('refuses a folder whose MLmodel has no onnx flavor', async () => {
    const dir = await copyOfGood('no-onnx-flavor');
    const text = await readFile(join(dir, 'MLmodel'), 'utf8');
    await writeFile(join(dir, 'MLmodel'), text.replace(/^ {2}onnx:/m, '  sklearn:'));
    expect((await refusal(dir)).message).toMatch(/no onnx flavor/);
  });

  it.each(['../good/model.onnx', '/etc/hostname', 'champion/../../good/model.onnx'])(
    'refuses an MLmodel whose onnx flavor names %j, outside the folder, naming it',
    async (data) => {
      const dir = await copyOfGood(`escape-${encodeURIComponent(data)}`);
      const text = await readFile(join(dir, 'MLmodel'), 'utf8');
      await writeFile(join(dir, 'MLmodel'), text.replace(/data: model\.onnx/, `data: ${data}`));
      expect((await refusal(dir)).message).toContain(JSON.stringify(data));
    },
  );

  it('refuses a model.onnx that onnxruntime cannot load', async () => {
    const dir = await copyOfGood('corrupt');
    await writeFile(join(dir, 'model.onnx'), 'not a model');
    expect((await refusal(dir)).message).toMatch(/does not load in onnxruntime/);
  });

  it('refuses a schema.json that is not a champion schema', async () => {
    const dir = await copyOfGood('bad-schema');
    await writeFile(join(dir, 'champion', 'schema.json'), JSON.stringify({ features: [] }));
    expect((await refusal(dir)).message).toMatch(/champion\/schema\.json is not a champion schema/);
  });
});
