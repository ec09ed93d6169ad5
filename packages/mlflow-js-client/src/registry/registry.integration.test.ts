import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlreadyExists, isNotFound, readMLmodel, writeMLmodel } from '../index.js';
import type { LoggedModel, MlflowClient } from '../index.js';
import { integrationClient, tempDir, uniqueName } from '../../test/integration.js';

// The integration project's testTimeout is not applied per project by jest; set it here.
jest.setTimeout(120_000);

describe('logged models and the model registry', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let experimentId: string;
  let runId: string;
  let model: LoggedModel;
  let modelDir: string;
  const name = uniqueName('js-registry');

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('js-registry');
    experimentId = (await client.experiments.getOrCreate({ name: uniqueName('js-models') }))
      .experiment_id;
    runId = (await client.runs.create({ experimentId })).info.run_id;
    modelDir = join(tmp.dir, 'model');
    await mkdir(join(modelDir, 'extra'), { recursive: true });
    await writeMLmodel(join(modelDir, 'MLmodel'), {
      flavors: { python_function: { loader_module: 'mlflow.onnx', data: 'model.onnx' } },
      mlflow_version: '3.17.2',
    });
    await writeFile(join(modelDir, 'model.onnx'), Buffer.from([1, 2, 3, 4]));
    await writeFile(join(modelDir, 'extra', 'schema.json'), '{"features":[]}');
    model = await client.loggedModels.logModel({
      experimentId,
      sourceRunId: runId,
      name: 'classifier',
      modelType: 'Classifier',
      localDir: modelDir,
      params: { depth: '4' },
      tags: { team: 'risk' },
    });
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  it('finalizes the logged model READY with its params and tags', async () => {
    const got = await client.loggedModels.get(model.info.model_id);
    expect(got.info.status).toBe('LOGGED_MODEL_READY');
    expect(got.data.params).toContainEqual({ key: 'depth', value: '4' });
    expect(got.info.tags).toContainEqual({ key: 'team', value: 'risk' });
  });

  it('links the logged model to its run as an output', async () => {
    const run = await client.runs.get(runId);
    expect(run.outputs.model_outputs.map((o) => o.model_id)).toContain(model.info.model_id);
  });

  it('stores the model files under the logged model artifact location', async () => {
    const files = await client.artifacts.list({
      artifactUri: model.info.artifact_uri,
      recursive: true,
    });
    expect(files.map((f) => f.path)).toEqual(['MLmodel', 'extra/schema.json', 'model.onnx']);
  });

  it('finds the logged model by search', async () => {
    const found = await client.loggedModels.searchAll({
      experimentIds: [experimentId],
      filter: "name = 'classifier'",
    });
    expect(found.map((m) => m.info.model_id)).toEqual([model.info.model_id]);
  });

  it('can mark a logged model UPLOAD_FAILED', async () => {
    const failed = await client.loggedModels.create({ experimentId, name: 'broken' });
    const done = await client.loggedModels.finalize(failed.info.model_id, 'UPLOAD_FAILED');
    expect(done.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
  });

  describe('registered from the logged model', () => {
    beforeAll(async () => {
      await client.registry.models.getOrCreate({ name, description: 'test model' });
      const version = await client.registry.versions.create({
        name,
        source: `models:/${model.info.model_id}`,
        modelId: model.info.model_id,
        runId,
      });
      await client.registry.versions.waitUntilReady(version);
      await client.registry.aliases.set({ name, alias: 'champion' }, version.version);
    });

    it('resolves models:/NAME@champion to a local directory holding the model files', async () => {
      const dest = join(tmp.dir, 'resolved-alias');
      const resolved = await client.resolveModelUri(`models:/${name}@champion`, dest);
      expect(resolved.localPath).toBe(dest);
      expect(resolved.version?.version).toBe('1');
      expect(resolved.modelId).toBe(model.info.model_id);
      expect((await readdir(dest)).sort()).toEqual(['MLmodel', 'extra', 'model.onnx']);
      expect(await readFile(join(dest, 'model.onnx'))).toEqual(Buffer.from([1, 2, 3, 4]));
      expect((await readMLmodel(join(dest, 'MLmodel'))).flavors['python_function']).toBeDefined();
    });

    it('resolves models:/NAME/VERSION the same way', async () => {
      const dest = join(tmp.dir, 'resolved-version');
      await client.resolveModelUri(`models:/${name}/1`, dest);
      expect(await readFile(join(dest, 'extra', 'schema.json'), 'utf8')).toBe('{"features":[]}');
    });

    it('gives the version download URI at the logged model artifact location', async () => {
      expect(await client.registry.versions.getDownloadUri({ name, version: '1' })).toBe(
        model.info.artifact_uri,
      );
    });

    it('answers a missing alias with a typed not-found error', async () => {
      const err: unknown = await client.registry.aliases
        .getVersion({ name, alias: 'nonexistent' })
        .catch((e: unknown) => e);
      expect(isNotFound(err)).toBe(true);
    });

    it('answers resolveModelUri of a missing alias with not-found and leaves no directory', async () => {
      const dest = join(tmp.dir, 'never');
      const err: unknown = await client
        .resolveModelUri(`models:/${name}@ghost`, dest)
        .catch((e: unknown) => e);
      expect(isNotFound(err)).toBe(true);
      await expect(readdir(dest)).rejects.toThrow();
    });

    it('moves and deletes an alias', async () => {
      await client.registry.aliases.set({ name, alias: 'challenger' }, '1');
      expect(
        (await client.registry.aliases.getVersion({ name, alias: 'challenger' })).version,
      ).toBe('1');
      await client.registry.aliases.delete({ name, alias: 'challenger' });
      await expect(
        client.registry.aliases.getVersion({ name, alias: 'challenger' }),
      ).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('sets and deletes version tags', async () => {
      await client.registry.versions.setTag(
        { name, version: '1' },
        { key: 'promoted_by', value: 'gate' },
      );
      expect((await client.registry.versions.get({ name, version: '1' })).tags).toContainEqual({
        key: 'promoted_by',
        value: 'gate',
      });
      await client.registry.versions.deleteTag({ name, version: '1' }, 'promoted_by');
      expect((await client.registry.versions.get({ name, version: '1' })).tags).toEqual([]);
    });

    it('reports creating the same registered model again as already existing', async () => {
      const err: unknown = await client.registry.models.create({ name }).catch((e: unknown) => e);
      expect(isAlreadyExists(err)).toBe(true);
    });

    it('searches versions by name', async () => {
      const versions = await client.registry.versions.searchAll({ filter: `name = '${name}'` });
      expect(versions.map((v) => v.version)).toEqual(['1']);
    });
  });

  it('searches registered models across pages', async () => {
    const prefix = uniqueName('js-page');
    for (let i = 0; i < 5; i++) await client.registry.models.create({ name: `${prefix}-${i}` });
    const found = await client.registry.models.searchAll({
      filter: `name LIKE '${prefix}-%'`,
      maxResults: 2,
    });
    expect(found.map((m) => m.name).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
  });

  it('updates, renames and deletes a registered model', async () => {
    const original = uniqueName('js-rename');
    await client.registry.models.create({ name: original });
    await client.registry.models.update(original, 'new description');
    const renamed = await client.registry.models.rename(original, `${original}-b`);
    expect(renamed.name).toBe(`${original}-b`);
    expect((await client.registry.models.get(`${original}-b`)).description).toBe('new description');
    await client.registry.models.delete(`${original}-b`);
    await expect(client.registry.models.get(`${original}-b`)).rejects.toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
  });
});
