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
  // Ctrl-C on Jest skips globalTeardown, and the server runs in its own process group, which the
  // terminal's SIGINT does not reach: kill it here, then let the signal do what it would have.
  const onSignal = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    url: server.url,
    stop: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await server.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
