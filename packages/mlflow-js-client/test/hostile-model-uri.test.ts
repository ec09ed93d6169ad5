/**
 * A hostile MLflow answering path-like identifiers with traversal: resolving `models:/NAME@ALIAS`
 * creates, changes and deletes nothing outside the download folder, and the error names the value.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient, Secret } from 'mlflow-js-client';
import { FAKE_PATHS, FakeMlflow, serveModel, snapshotTree } from 'mlflow-js-client/test-support';
import type { FakeModelOptions } from 'mlflow-js-client/test-support';

const FILES = { MLmodel: 'flavors: {}\n', 'model.onnx': 'onnx bytes' };

let fake: FakeMlflow;
let client: MlflowClient;
let world: string;

beforeEach(async () => {
  fake = await FakeMlflow.start();
  client = new MlflowClient({
    trackingUri: fake.url,
    auth: { type: 'bearer', token: new Secret('s3cret') },
    retry: { maxAttempts: 1 },
  });
  world = await mkdtemp(join(tmpdir(), 'hostile-uri-'));
  // The victim sits where each crafted value below points from the download folder.
  await mkdir(join(world, 'victim'));
  await writeFile(join(world, 'victim', 'keep.txt'), 'precious');
  await mkdir(join(world, 'a', 'b', 'c'), { recursive: true });
});

afterEach(async () => {
  await client.close();
  await fake.close();
  await rm(world, { recursive: true, force: true });
});

async function resolveWith(model: Partial<FakeModelOptions>): Promise<unknown> {
  serveModel(fake, { name: 'm', files: FILES, ...model });
  const before = await snapshotTree(world);
  const error = await client
    .resolveModelUri('models:/m@champion', join(world, 'a', 'b', 'c', 'model'))
    .then(
      () => undefined,
      (err: unknown) => err,
    );
  expect(await snapshotTree(world)).toEqual(before);
  return error;
}

it.each<[string, Partial<FakeModelOptions>, string]>([
  ['version', { version: '../../../../victim' }, '"../../../../victim"'],
  ['version with a NUL', { version: '1\0' }, '"1\\u0000"'],
  ['model id', { modelId: 'm-1/../../../../victim' }, '"m-1/../../../../victim"'],
  ['run id', { runId: '../../../../victim' }, '"../../../../victim"'],
  ['experiment id', { experimentId: '../../../victim' }, ':/../../../victim/'],
  ['artifact URI', { artifactUri: 'mlflow-artifacts:/1/../../../victim' }, '/1/../../../victim'],
])('refuses a crafted %s, names it, and touches nothing', async (_field, model, named) => {
  const error = await resolveWith(model);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toContain(named);
  expect(fake.requestsTo(FAKE_PATHS.artifacts)).toEqual([]);
});

it.each([
  ['a file entry', { path: '../../../../victim', is_dir: false }],
  ['a folder entry', { path: '..', is_dir: true }],
  ['an entry through a folder', { path: 'x/../../../../victim', is_dir: false }],
  ['an absolute entry', { path: `/victim`, is_dir: false }],
  ['a backslash entry', { path: '..\\..\\victim', is_dir: false }],
])('refuses a listing with %s, naming it, and touches nothing', async (_what, entry) => {
  serveModel(fake, { name: 'm', files: FILES });
  fake.route('GET', FAKE_PATHS.artifacts, { json: { files: [entry] } });
  const before = await snapshotTree(world);
  await expect(
    client.resolveModelUri('models:/m@champion', join(world, 'a', 'b', 'c', 'model')),
  ).rejects.toThrow(JSON.stringify(entry.path));
  expect(await snapshotTree(world)).toEqual(before);
});

it('downloads a model holding a file whose name starts with ..', async () => {
  serveModel(fake, { name: 'm', files: { ...FILES, '..data.csv': 'a,b\n1,2\n' } });
  const resolved = await client.resolveModelUri('models:/m@champion', join(world, 'model'));
  const after = await snapshotTree(resolved.localPath);
  expect(Object.keys(after).sort()).toEqual(['..data.csv', 'MLmodel', 'model.onnx']);
  expect(resolved.version?.version).toBe('1');
});
