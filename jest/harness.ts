/**
 * Gives the integration tests one real MLflow server and exports, for the test workers:
 * MLFLOW_TRACKING_URI, CHAMPION_TEST_BACKEND (env | container | local), CHAMPION_MLFLOW_PYTHON
 * (the project venv's python, for cross-checks with MLflow's own Python client; pandas 2),
 * CHAMPION_PANDAS3_PYTHON (the same MLflow with pandas 3, what `pip install mlflow` brings),
 * CHAMPION_PEERS_PYTHON (protocol peers) and CHAMPION_IAC_BIN (the bin folder of the static
 * checks' tools: kubernetes-validate, checkov).
 *
 * Choice: MLFLOW_TRACKING_URI if already set; else the official MLflow image through
 * testcontainers when a Docker engine answers; else a local server from the project venv.
 * CHAMPION_TEST_MLFLOW=container|local forces one of the last two.
 */
import { detectDocker, MLFLOW_IMAGE, startMlflowContainer } from './container-backend.js';
import { saveHarnessState, say, takeHarnessState, type TestBackend } from './harness-state.js';
import { startLocalMlflow } from './local-backend.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureVenv } from '../packages/mlflow-server/src/index.js';

const DOCKER_DETECT_TIMEOUT_MS = 10_000;

async function chooseBackend(): Promise<{ backend: TestBackend; why: string }> {
  if (process.env.MLFLOW_TRACKING_URI) return { backend: 'env', why: 'MLFLOW_TRACKING_URI is set' };
  const forced = process.env.CHAMPION_TEST_MLFLOW;
  if (forced === 'local') return { backend: 'local', why: 'CHAMPION_TEST_MLFLOW=local' };
  const docker = await detectDocker(DOCKER_DETECT_TIMEOUT_MS);
  if (docker.available) return { backend: 'container', why: 'a Docker engine answers' };
  if (forced === 'container') {
    throw new Error(
      `CHAMPION_TEST_MLFLOW=container but no Docker engine answers (${docker.reason}). ` +
        'Start Docker, or unset CHAMPION_TEST_MLFLOW to fall back to a local server.',
    );
  }
  return { backend: 'local', why: `no Docker engine (${docker.reason})` };
}

/** Provisions the venv, picks and starts the MLflow server, exports the env vars. */
export async function setUpMlflow(): Promise<void> {
  const logger = {
    debug: () => undefined,
    info: (message: string, meta?: Record<string, unknown>) =>
      say(`${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
    warn: (message: string) => say(`warning: ${message}`),
    error: (message: string) => say(`error: ${message}`),
  };
  const root = path.resolve(__dirname, '..');
  const pins = (file: string): string[] =>
    readFileSync(path.join(root, 'jest', file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  // The project venv (MLflow, onnxruntime, pandas 2), the protocol peers' venv, MLflow with
  // pandas 3 and the static checks' tools, built once (each first build takes a minute or two;
  // then a pin check).
  const [venv, peers, pandas3, iac] = await Promise.all([
    ensureVenv({ logger }),
    ensureVenv({
      logger,
      venvDir: path.join(root, '.venv-peers'),
      pins: pins('peers-requirements.txt'),
    }),
    ensureVenv({
      logger,
      venvDir: path.join(root, '.venv-pandas3'),
      pins: pins('pandas3-requirements.txt'),
    }),
    ensureVenv({
      logger,
      venvDir: path.join(root, '.venv-iac'),
      pins: pins('iac-requirements.txt'),
    }),
  ]);
  process.env.CHAMPION_MLFLOW_PYTHON = venv.python;
  process.env.CHAMPION_PEERS_PYTHON ??= peers.python;
  process.env.CHAMPION_PANDAS3_PYTHON ??= pandas3.python;
  process.env.CHAMPION_IAC_BIN ??= path.dirname(iac.python);

  const { backend, why } = await chooseBackend();
  process.env.CHAMPION_TEST_BACKEND = backend;
  if (backend === 'env') {
    say(`MLflow: ${process.env.MLFLOW_TRACKING_URI} (${why})`);
    return;
  }
  const started =
    backend === 'container'
      ? await startMlflowContainer()
      : await startLocalMlflow({ mlflow: venv.mlflow });
  process.env.MLFLOW_TRACKING_URI = started.url;
  const what =
    backend === 'container' ? `container ${MLFLOW_IMAGE}` : 'local server (sqlite, temp dir)';
  say(`MLflow: ${what} at ${started.url} (${why})`);
  saveHarnessState({ backend, stop: started.stop });
}

/** Stops the MLflow server (container or local) that globalSetup started, if any. */
export async function tearDownMlflow(): Promise<void> {
  const state = takeHarnessState();
  if (!state) return;
  await state.stop();
  say(`MLflow ${state.backend} server stopped`);
}
