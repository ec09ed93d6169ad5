/** In-cluster access: the API server from the environment, the service account's files, or an error naming what is missing. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inClusterAccess } from './in-cluster.js';

function serviceAccount(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'champion-sa-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

it('reads the API server, token, CA and namespace', async () => {
  const dir = serviceAccount({ token: 'tok\n', 'ca.crt': 'PEM', namespace: 'champion\n' });
  const access = await inClusterAccess({
    env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '6443' },
    dir,
  });
  expect(access).toMatchObject({
    baseUrl: 'https://10.0.0.1:6443',
    ca: 'PEM',
    namespace: 'champion',
  });
  expect(access.token?.reveal()).toBe('tok');
  expect(String(access.token)).not.toContain('tok');
});

it('says it needs a cluster when KUBERNETES_SERVICE_HOST is not set', async () => {
  await expect(inClusterAccess({ env: {}, dir: serviceAccount({}) })).rejects.toThrow(
    /KUBERNETES_SERVICE_HOST.*CHAMPION_CONTROL_EXECUTOR=local/,
  );
});

it('names the service account file that is missing', async () => {
  const dir = serviceAccount({ token: 't', namespace: 'n' });
  await expect(inClusterAccess({ env: { KUBERNETES_SERVICE_HOST: 'h' }, dir })).rejects.toThrow(
    /ca\.crt/,
  );
});
