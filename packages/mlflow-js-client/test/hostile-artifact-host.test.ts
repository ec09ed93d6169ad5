/**
 * A hostile MLflow naming another host as the artifact location: no request, and so no
 * credential, goes there unless the user listed that origin as trusted.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowClient, Secret } from 'mlflow-js-client';
import { FAKE_PATHS, FakeMlflow, serveArtifacts, serveModel } from 'mlflow-js-client/test-support';

const BEARER = 'Bearer s3cret';
const FILES = { MLmodel: 'flavors: {}\n', 'model.onnx': 'onnx bytes' };
const FOREIGN_ROOT = '9/stolen/artifacts';

let tracking: FakeMlflow;
let foreign: FakeMlflow;
let dest: string;
const clients: MlflowClient[] = [];

beforeEach(async () => {
  tracking = await FakeMlflow.start();
  foreign = await FakeMlflow.start();
  serveArtifacts(foreign, { root: FOREIGN_ROOT, files: FILES });
  dest = await mkdtemp(join(tmpdir(), 'hostile-host-'));
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all([tracking.close(), foreign.close()]);
  await rm(dest, { recursive: true, force: true });
});

function client(trustedArtifactOrigins: string[] = []): MlflowClient {
  const made = new MlflowClient({
    trackingUri: tracking.url,
    auth: { type: 'bearer', token: new Secret('s3cret') },
    retry: { maxAttempts: 1 },
    trustedArtifactOrigins,
  });
  clients.push(made);
  return made;
}

type ForeignKind = 'an http proxy URL' | 'an mlflow-artifacts URI with a host';

function foreignUri(kind: ForeignKind): string {
  return kind === 'an http proxy URL'
    ? `${foreign.url}${FAKE_PATHS.artifacts}/${FOREIGN_ROOT}`
    : `mlflow-artifacts://${new URL(foreign.url).host}/${FOREIGN_ROOT}`;
}

it('sends the credentials to the tracking server', async () => {
  serveModel(tracking, { name: 'm', files: FILES });
  await client().resolveModelUri('models:/m@champion', join(dest, 'model'));
  expect(tracking.requests.length).toBeGreaterThan(3);
  expect(tracking.requests.every((r) => r.authorization === BEARER)).toBe(true);
});

it.each<ForeignKind>(['an http proxy URL', 'an mlflow-artifacts URI with a host'])(
  'refuses %s on another host before any request goes there',
  async (kind) => {
    const uri = foreignUri(kind);
    serveModel(tracking, { name: 'm', artifactUri: uri });
    await expect(
      client().resolveModelUri('models:/m@champion', join(dest, 'model')),
    ).rejects.toMatchObject({
      code: 'UNTRUSTED_ORIGIN',
      message: expect.stringContaining(`list ${foreign.url} in MLFLOW_TRUSTED_ARTIFACT_ORIGINS`),
    });
    expect(foreign.requests).toEqual([]);
    expect(await readdir(dest)).toEqual([]);
  },
);

it('downloads from a host the user trusts, which then gets the credentials too', async () => {
  const uri = foreignUri('an http proxy URL');
  serveModel(tracking, { name: 'm', artifactUri: uri });
  const resolved = await client([foreign.url]).resolveModelUri(
    'models:/m@champion',
    join(dest, 'model'),
  );
  expect((await readdir(resolved.localPath)).sort()).toEqual(['MLmodel', 'model.onnx']);
  expect(foreign.requests.length).toBeGreaterThan(0);
  expect(foreign.requests.every((r) => r.authorization === BEARER)).toBe(true);
});

it('reads trusted origins from MLFLOW_TRUSTED_ARTIFACT_ORIGINS', async () => {
  const uri = foreignUri('an http proxy URL');
  serveModel(tracking, { name: 'm', artifactUri: uri });
  const fromEnv = MlflowClient.fromEnv(
    { MLFLOW_TRACKING_URI: tracking.url, MLFLOW_TRUSTED_ARTIFACT_ORIGINS: ` ${foreign.url} ,` },
    { retry: { maxAttempts: 1 } },
  );
  clients.push(fromEnv);
  await expect(
    fromEnv.resolveModelUri('models:/m@champion', join(dest, 'model')),
  ).resolves.toMatchObject({ artifactUri: uri });
});
