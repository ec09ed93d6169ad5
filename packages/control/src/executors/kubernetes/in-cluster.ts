/**
 * In-cluster access, as every Kubernetes client does it: the API server from
 * KUBERNETES_SERVICE_HOST/PORT, the pod's service account token, CA and namespace from
 * /var/run/secrets/kubernetes.io/serviceaccount. A missing piece is reported by name.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Secret } from 'mlflow-js-client';
import type { KubeApiOptions } from './api.js';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export async function inClusterAccess(options: {
  env: NodeJS.ProcessEnv;
  dir?: string;
}): Promise<KubeApiOptions & { namespace: string }> {
  const { env } = options;
  const dir = options.dir ?? SERVICE_ACCOUNT_DIR;
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'] ?? '443';
  if (host === undefined || host === '' || !/^\d{1,5}$/.test(port)) {
    throw new Error(
      'the kubernetes executor runs inside a cluster: KUBERNETES_SERVICE_HOST/PORT are not set (or set CHAMPION_CONTROL_EXECUTOR=local)',
    );
  }
  const read = (file: string): Promise<string> =>
    readFile(path.join(dir, file), 'utf8').catch((error: unknown) => {
      throw new Error(
        `the kubernetes executor needs the service account's ${file} in ${dir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  const [token, ca, namespace] = await Promise.all([
    read('token'),
    read('ca.crt'),
    read('namespace'),
  ]);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    baseUrl: `https://${hostPart}:${port}`,
    token: new Secret(token.trim()),
    ca,
    namespace: namespace.trim(),
  };
}
