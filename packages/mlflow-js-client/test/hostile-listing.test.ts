/**
 * A hostile MLflow that never stops: listings that go deeper or wider forever, page tokens that
 * never end, answers that never end or stop halfway. Each ends in a bounded error naming the limit.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient } from 'mlflow-js-client';
import type { MlflowClientOptions } from 'mlflow-js-client';
import {
  FAKE_PATHS,
  FakeMlflow,
  hugeJson,
  serveModel,
  slowJson,
  truncatedBody,
} from 'mlflow-js-client/test-support';

let fake: FakeMlflow;
let client: MlflowClient;
let dest: string;

beforeEach(async () => {
  fake = await FakeMlflow.start();
  client = clientWith({});
  dest = await mkdtemp(join(tmpdir(), 'hostile-listing-'));
});

afterEach(async () => {
  await client.close();
  await fake.close();
  await rm(dest, { recursive: true, force: true });
});

function clientWith(options: Partial<MlflowClientOptions>): MlflowClient {
  return new MlflowClient({ trackingUri: fake.url, retry: { maxAttempts: 1 }, ...options });
}

const ROOT = 'mlflow-artifacts:/1/r/artifacts';

it('stops a listing that goes one folder deeper forever at the depth limit', async () => {
  fake.route('GET', FAKE_PATHS.artifacts, { json: { files: [{ path: 'd', is_dir: true }] } });
  await expect(client.artifacts.list({ artifactUri: ROOT, recursive: true })).rejects.toMatchObject(
    { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('deeper than 32 folder levels') },
  );
  expect(fake.requestsTo(FAKE_PATHS.artifacts)).toHaveLength(32);
});

it('stops a listing that grows wider forever at the entry limit, naming the option', async () => {
  let n = 0;
  fake.route('GET', FAKE_PATHS.artifacts, () => ({
    json: { files: Array.from({ length: 50 }, () => ({ path: `f${n++}`, is_dir: n % 2 === 0 })) },
  }));
  client = clientWith({ limits: { artifactListingEntries: 500 } });
  await expect(
    client.artifacts.download({ artifactUri: ROOT, destDir: dest }),
  ).rejects.toMatchObject({
    code: 'LIMIT_EXCEEDED',
    message: expect.stringContaining('limits.artifactListingEntries'),
  });
  expect(fake.requestsTo(FAKE_PATHS.artifacts).length).toBeLessThanOrEqual(14);
  expect(await readdir(dest)).toEqual([]);
});

it('stops following page tokens that never end', async () => {
  let page = 0;
  fake.route('GET', '/api/2.0/mlflow/model-versions/search', () => ({
    json: { model_versions: [], next_page_token: `t${page++}` },
  }));
  client = clientWith({ limits: { pages: 50 } });
  await expect(client.registry.versions.searchAll()).rejects.toMatchObject({
    code: 'LIMIT_EXCEEDED',
    message: expect.stringContaining('after 50'),
  });
  expect(page).toBe(50);
});

it('stops following page tokens that go round in a circle', async () => {
  let page = 0;
  fake.route('GET', '/api/2.0/mlflow/model-versions/search', () => ({
    json: { model_versions: [], next_page_token: `t${page++ % 3}` },
  }));
  await expect(client.registry.versions.searchAll()).rejects.toMatchObject({
    code: 'BAD_RESPONSE',
    message: expect.stringContaining('"t0" a second time'),
  });
  expect(page).toBe(4);
});

it('refuses a JSON answer larger than the response limit', async () => {
  fake.route('GET', FAKE_PATHS.artifacts, hugeJson({ bytes: 8 * 1024 * 1024 }));
  client = clientWith({ limits: { responseBytes: 1024 * 1024 } });
  await expect(client.artifacts.list({ artifactUri: ROOT })).rejects.toMatchObject({
    code: 'LIMIT_EXCEEDED',
    message: expect.stringContaining('more than 1048576 bytes'),
  });
});

it('gives up on an answer that stalls, within the request timeout', async () => {
  fake.route('GET', FAKE_PATHS.artifacts, slowJson({ json: { files: [] }, delayMs: 30_000 }));
  client = clientWith({ timeoutMs: 300, retry: { maxAttempts: 1, totalDeadlineMs: 1_000 } });
  await expect(client.artifacts.list({ artifactUri: ROOT })).rejects.toMatchObject({
    code: 'TIMEOUT',
  });
});

it('leaves no file behind when a download is cut short', async () => {
  const root = serveModel(fake, { name: 'm', files: { MLmodel: 'x', 'model.onnx': 'y' } });
  fake.routePrefix(`${FAKE_PATHS.artifacts}/${root}/`, () =>
    truncatedBody({ body: 'half', declaredBytes: 1_000 }),
  );
  await expect(
    client.resolveModelUri('models:/m@champion', join(dest, 'model')),
  ).rejects.toBeInstanceOf(Error);
  expect(await readdir(dest)).toEqual([]);
});
