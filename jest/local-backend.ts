import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// jest/ is not a workspace package, so it names the package's entry by path.
import { findFreePort, startMlflowServer } from '../packages/mlflow-server/src/index.js';

/** Starts an embedded MLflow server on a free port with a throwaway sqlite store. */
export async function startLocalMlflow(options: {
  mlflow: string;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'champion-mlflow-tests-'));
  const port = await findFreePort();
  const server = await startMlflowServer({ mlflow: options.mlflow, port, storeDir }).catch(
    async (err: unknown) => {
      await rm(storeDir, { recursive: true, force: true });
      throw err;
    },
  );
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
