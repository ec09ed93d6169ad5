import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from './port.js';
import { findRepoRoot } from './repo-root.js';
import { startMlflowServer, type MlflowServer } from './server.js';
import { ensureVenv, venvPaths } from './venv.js';

// Starts real `mlflow server`s from the project venv (provisioned by the Jest global setup).
const PG_ADMIN_URL =
  process.env.CHAMPION_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const python =
  process.env.CHAMPION_MLFLOW_PYTHON ?? venvPaths(path.join(findRepoRoot(), '.venv-mlflow')).python;

const PG_SCRIPT = `
import sys, psycopg2
url, action, name = sys.argv[1:4]
conn = psycopg2.connect(url, connect_timeout=5)
conn.autocommit = True
cur = conn.cursor()
if action == "create":
    cur.execute('CREATE DATABASE "%s"' % name)
elif action == "drop":
    cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
`;

/** Runs a PostgreSQL admin action with psycopg2 from the venv; returns an error text or undefined. */
function pg(action: 'ping' | 'create' | 'drop', name = ''): string | undefined {
  const result = spawnSync(python, ['-c', PG_SCRIPT, PG_ADMIN_URL, action, name], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.status === 0) return undefined;
  return (result.stderr || result.error?.message || 'unknown error')
    .trim()
    .split('\n')
    .slice(-2)
    .join(' ');
}

async function createExperiment(baseUrl: string, name: string): Promise<Response> {
  return fetch(new URL('/api/2.0/mlflow/experiments/create', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
}

let mlflow: string;
beforeAll(async () => {
  mlflow = (await ensureVenv()).mlflow;
});

describe('an embedded MLflow server on sqlite', () => {
  let storeDir: string;
  let server: MlflowServer;

  beforeAll(async () => {
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'champion-mlflow-it-'));
    server = await startMlflowServer({ mlflow, port: await findFreePort(), storeDir });
  });
  afterAll(async () => {
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('answers OK on /health', async () => {
    const res = await fetch(new URL('/health', server.url));
    expect([res.status, (await res.text()).trim()]).toEqual([200, 'OK']);
  });

  it('creates an experiment through the REST API', async () => {
    const res = await createExperiment(server.url, `it-${Date.now()}`);
    const body = (await res.json()) as { experiment_id?: string };
    expect(res.status).toBe(200);
    expect(body.experiment_id).toMatch(/^\d+$/);
  });

  it('accepts API requests addressed to localhost as well as 127.0.0.1', async () => {
    const res = await createExperiment(
      `http://localhost:${server.port}`,
      `it-localhost-${Date.now()}`,
    );
    expect(res.status).toBe(200);
  });

  // Last in this block: it stops the shared server (stop() is idempotent for afterAll).
  it('leaves no server process behind once stopped', async () => {
    await server.stop();
    expect(() => process.kill(-server.pid, 0)).toThrow();
  });
});

const pgProblem = pg('ping');
if (pgProblem && process.env.CI !== 'true') {
  process.stderr.write(
    `Skipping the PostgreSQL tests: no PostgreSQL at ${PG_ADMIN_URL} (${pgProblem}). ` +
      'Start one (trust auth, database `test`) or set CHAMPION_TEST_POSTGRES_URL; in CI they never skip.\n',
  );
}
const describePg = pgProblem && process.env.CI !== 'true' ? describe.skip : describe;

describePg('an MLflow server on PostgreSQL', () => {
  const database = `champion_test_${randomBytes(4).toString('hex')}`;
  let storeDir: string;
  let server: MlflowServer;

  beforeAll(async () => {
    const problem = pg('create', database);
    if (problem)
      throw new Error(`Could not create database ${database} at ${PG_ADMIN_URL}: ${problem}`);
    const backendStoreUri = new URL(PG_ADMIN_URL);
    backendStoreUri.pathname = `/${database}`;
    storeDir = await mkdtemp(path.join(os.tmpdir(), 'champion-mlflow-pg-it-'));
    server = await startMlflowServer({
      mlflow,
      port: await findFreePort(),
      storeDir,
      backendStoreUri: backendStoreUri.href,
    });
  });
  afterAll(async () => {
    await server?.stop();
    pg('drop', database);
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('answers OK on /health', async () => {
    const res = await fetch(new URL('/health', server.url));
    expect(res.status).toBe(200);
  });

  it('stores a new experiment in the database', async () => {
    const name = `it-pg-${Date.now()}`;
    await createExperiment(server.url, name);
    const res = await fetch(
      new URL(`/api/2.0/mlflow/experiments/get-by-name?experiment_name=${name}`, server.url),
    );
    const body = (await res.json()) as { experiment?: { name?: string } };
    expect(body.experiment?.name).toBe(name);
  });
});
