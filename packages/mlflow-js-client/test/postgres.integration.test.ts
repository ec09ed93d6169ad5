/**
 * The client against MLflow on PostgreSQL (the production backend): the same operations as on
 * sqlite, against a server started on a fresh database. Skipped with a message where no
 * PostgreSQL answers, never when CI=true.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ensureVenv,
  findFreePort,
  startMlflowServer,
  type MlflowServer,
} from '@champion/mlflow-server';
import { MlflowClient, isNotFound } from '../src/index.js';
import { tempDir, uniqueName } from './integration.js';

const PG_URL =
  process.env.CHAMPION_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const python = process.env.CHAMPION_MLFLOW_PYTHON ?? 'python3';

function pg(action: 'create' | 'drop', name: string): string | undefined {
  const script = `import sys, psycopg2
conn = psycopg2.connect(sys.argv[1], connect_timeout=5); conn.autocommit = True
cur = conn.cursor()
cur.execute(('CREATE DATABASE "%s"' if sys.argv[2] == 'create' else 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)') % sys.argv[3])`;
  const out = spawnSync(python, ['-c', script, PG_URL, action, name], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return out.status === 0
    ? undefined
    : (out.stderr || out.error?.message || 'failed').trim().split('\n').pop();
}

const database = `champion_client_${randomBytes(4).toString('hex')}`;
const problem = pg('create', database);
if (problem && process.env.CI !== 'true') {
  console.warn(`Skipping the PostgreSQL client tests: no PostgreSQL at ${PG_URL} (${problem}).`);
}
const describePg = problem && process.env.CI !== 'true' ? describe.skip : describe;

describePg('mlflow-js-client against MLflow on PostgreSQL', () => {
  let server: MlflowServer;
  let client: MlflowClient;
  let cleanup: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    if (problem) throw new Error(`Could not create database ${database}: ${problem}`);
    const tmp = await tempDir('champion-client-pg');
    cleanup = tmp.cleanup;
    const backend = new URL(PG_URL);
    backend.pathname = `/${database}`;
    server = await startMlflowServer({
      mlflow: (await ensureVenv()).mlflow,
      port: await findFreePort(),
      storeDir: tmp.dir,
      backendStoreUri: backend.href,
    });
    client = new MlflowClient({ trackingUri: server.url });
  });

  afterAll(async () => {
    await client?.close();
    await server?.stop();
    pg('drop', database);
    await cleanup();
  });

  it('logs 5,000 metrics and 250 params in one call and reads them all back', async () => {
    const experiment = await client.experiments.getOrCreate({ name: uniqueName('pg') });
    const run = await client.runs.create({ experimentId: experiment.experiment_id });
    const params = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`p${i}`, String(i)]));
    const metrics = Array.from({ length: 5000 }, (_, i) => ({
      key: `m${i % 50}`,
      value: i,
      step: Math.floor(i / 50),
    }));
    await client.runs.logBatch(run.info.run_id, { params, metrics });
    const back = await client.runs.get(run.info.run_id);
    expect(back.data.params).toHaveLength(250);
    const history = await client.runs.getMetricHistory({ runId: run.info.run_id, key: 'm7' });
    expect(history.map((m) => m.step)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('registers a logged model and resolves it through models:/NAME@champion', async () => {
    const experiment = await client.experiments.getOrCreate({ name: uniqueName('pg-model') });
    const run = await client.runs.create({ experimentId: experiment.experiment_id });
    const tmp = await tempDir('champion-client-pg-model');
    try {
      const src = join(tmp.dir, 'src');
      await mkdir(src);
      await writeFile(join(src, 'MLmodel'), 'flavors: {}\n');
      await writeFile(join(src, 'weights.bin'), randomBytes(4096));
      const model = await client.loggedModels.logModel({
        experimentId: experiment.experiment_id,
        sourceRunId: run.info.run_id,
        localDir: src,
      });
      const name = uniqueName('pg-reg');
      await client.registry.models.getOrCreate({ name });
      const version = await client.registry.versions.create({
        name,
        source: `models:/${model.info.model_id}`,
        modelId: model.info.model_id,
        runId: run.info.run_id,
      });
      await client.registry.versions.waitUntilReady({ name, version: version.version });
      await client.registry.aliases.set({ name, alias: 'champion' }, version.version);
      const resolved = await client.resolveModelUri(
        `models:/${name}@champion`,
        join(tmp.dir, 'dst'),
      );
      expect(resolved.version?.version).toBe(version.version);
      expect(await readFile(join(resolved.localPath, 'weights.bin'))).toEqual(
        await readFile(join(src, 'weights.bin')),
      );
      const missing = await client.registry.aliases
        .getVersion({ name, alias: 'nope' })
        .catch((e: unknown) => e);
      expect(isNotFound(missing)).toBe(true);
    } finally {
      await tmp.cleanup();
    }
  });
});
