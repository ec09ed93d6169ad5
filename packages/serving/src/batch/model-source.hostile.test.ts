/**
 * `champion score --model models:/NAME@champion` against a hostile MLflow (a fake server): a
 * crafted value in any answer is refused with the value named, and nothing outside the job's own
 * temporary folder is created, changed or deleted (that folder is gone afterwards too).
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MlflowClient } from 'mlflow-js-client';
import {
  FAKE_PATHS,
  FakeMlflow,
  serveModel,
  snapshotTree,
  type FakeModelOptions,
} from 'mlflow-js-client/test-support';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { resolveBatchModel } from './model-source.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let modelFiles: Record<string, Buffer>;
let world: string;
let fake: FakeMlflow;
let client: MlflowClient;

beforeAll(async () => {
  tmp = await tempDir('score-hostile');
  const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'fixture') });
  modelFiles = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    modelFiles[relative(dir, full)] = await readFile(full);
  }
});
afterAll(() => tmp.cleanup());

beforeEach(async () => {
  // The job downloads under `tempRoot`; the victim sits where `../..` lands from its folder.
  world = join(tmp.dir, 'world');
  await rm(world, { recursive: true, force: true });
  await mkdir(join(world, 'victim'), { recursive: true });
  await writeFile(join(world, 'victim', 'keep.txt'), 'precious');
  fake = await FakeMlflow.start();
  client = new MlflowClient({ trackingUri: fake.url, retry: { maxAttempts: 1 } });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

it.each<[string, Partial<FakeModelOptions>, string]>([
  ['version', { version: '../../victim' }, '"../../victim"'],
  ['logged model id', { modelId: '../../victim' }, '"../../victim"'],
  ['run id', { runId: '../../victim' }, '"../../victim"'],
  ['artifact URI', { artifactUri: 'mlflow-artifacts:/../../victim' }, ':/../../victim'],
])('refuses a crafted %s, names it, and leaves the disk as it was', async (_f, crafted, named) => {
  serveModel(fake, { name: 'm', files: modelFiles, ...crafted });
  const before = await snapshotTree(world);
  await expect(
    resolveBatchModel({ model: 'models:/m@champion', client, tempRoot: world }),
  ).rejects.toThrow(named);
  expect(await snapshotTree(world)).toEqual(before);
});

it('refuses a listing entry pointing at ../../victim and leaves the disk as it was', async () => {
  serveModel(fake, { name: 'm', files: modelFiles });
  fake.route('GET', FAKE_PATHS.artifacts, {
    json: { files: [{ path: '../../victim/keep.txt', is_dir: false }] },
  });
  const before = await snapshotTree(world);
  await expect(
    resolveBatchModel({ model: 'models:/m@champion', client, tempRoot: world }),
  ).rejects.toThrow('"../../victim/keep.txt"');
  expect(await snapshotTree(world)).toEqual(before);
});

it('scores with a model that holds a file named ..data.csv', async () => {
  serveModel(fake, { name: 'm', files: { ...modelFiles, '..data.csv': 'a\n1\n' } });
  const model = await resolveBatchModel({ model: 'models:/m@champion', client, tempRoot: world });
  try {
    expect(model.loaded.model.version).toBe('1');
  } finally {
    await model.close();
  }
});
