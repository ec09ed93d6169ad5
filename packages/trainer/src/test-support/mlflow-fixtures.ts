/**
 * Fixtures for integration tests against the harness's MLflow (`@champion/trainer/test-support`):
 * clients, a champion trained and registered by the trainer, a TCP proxy, free ports.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { train } from '../pipeline/train.js';
import { writeFixtureModelDir } from './model-fixtures.js';
import { MlflowClient } from 'mlflow-js-client';

/** A client for the server in MLFLOW_TRACKING_URI (set by the jest global setup). */
export function integrationClient(): MlflowClient {
  if (process.env['MLFLOW_TRACKING_URI'] === undefined) {
    throw new Error('MLFLOW_TRACKING_URI is not set; the integration global setup should set it.');
  }
  return MlflowClient.fromEnv(process.env, { retry: { totalDeadlineMs: 30_000 } });
}

/** A client that gives up fast (for "MLflow is down" cases). */
export function impatientClient(trackingUri: string): MlflowClient {
  return new MlflowClient({
    trackingUri,
    connectTimeoutMs: 500,
    timeoutMs: 2000,
    retry: { maxAttempts: 1 },
  });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Rewrites the synthetic target column's 0/1 as other class values (e.g. good/bad, 1/2). */
async function recodeTarget(
  csv: string,
  classes: { readonly negative: string; readonly positive: string },
): Promise<void> {
  const [header = '', ...lines] = (await readFile(csv, 'utf8')).split('\n');
  const column = header.split(',').indexOf('default');
  const recode = (line: string): string => {
    if (line === '') return line;
    const fields = line.split(',');
    fields[column] = fields[column] === '1' ? classes.positive : classes.negative;
    return fields.join(',');
  };
  await writeFile(csv, [header, ...lines.map(recode)].join('\n'));
}

/**
 * Trains a small model on synthetic data (target 0/1, or the `classes` given, positive for 1);
 * the registry then holds `name` version 1 @champion.
 */
export async function trainChampion(options: {
  client: MlflowClient;
  name: string;
  dir: string;
  classes?: { readonly negative: string; readonly positive: string };
  /** Columns to assess fairness on (`--sensitive`): the model then has champion/fairness.json. */
  sensitive?: readonly string[];
}): Promise<{
  experimentId: string;
  modelId: string;
  version: string;
}> {
  const csv = join(options.dir, 'train.csv');
  await writeSynthCsv({ rows: 1500, seed: 5, out: csv });
  if (options.classes !== undefined) await recodeTarget(csv, options.classes);
  const summary = await train({
    client: options.client,
    name: options.name,
    data: {
      path: csv,
      target: 'default',
      idColumns: ['id'],
      seed: 7,
      ...(options.classes === undefined ? {} : { positive: options.classes.positive }),
    },
    candidates: 1,
    folds: 2,
    timeBudgetSeconds: 60,
    ...(options.sensitive === undefined ? {} : { sensitive: options.sensitive }),
  });
  const version = summary.version ?? '1';
  await options.client.registry.aliases.set({ name: options.name, alias: 'champion' }, version);
  return { experimentId: summary.experimentId, modelId: summary.winner.modelId, version };
}

/** Registers the files in `dir` as a new logged model and version of `name`; returns the version. */
export async function registerDir(options: {
  client: MlflowClient;
  name: string;
  experimentId: string;
  dir: string;
}): Promise<string> {
  const { client, name } = options;
  const logged = await client.loggedModels.logModel({
    experimentId: options.experimentId,
    name: 'serving-test',
    localDir: options.dir,
  });
  const created = await client.registry.versions.create({
    name,
    source: `models:/${logged.info.model_id}`,
    modelId: logged.info.model_id,
  });
  const ready = await client.registry.versions.waitUntilReady({ name, version: created.version });
  return ready.version;
}

/** A port nothing listens on (now). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A TCP proxy on `port` to `target` (host:port), started when asked. */
export async function startTcpProxy(options: {
  port: number;
  target: URL;
}): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(options.target.port), options.target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  return {
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function eventually(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The fixture model (writeFixtureModelDir) registered as a new version of `name` and crowned
 * `@champion`; returns the version. What a serving test needs before it starts a service.
 */
export async function registerFixtureChampion(options: {
  client: MlflowClient;
  name: string;
  /** Where the fixture model folder is written. */
  dir: string;
}): Promise<string> {
  const { client, name } = options;
  const dir = await writeFixtureModelDir({ dir: options.dir });
  const experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
  await client.registry.models.getOrCreate({ name });
  const version = await registerDir({ client, name, experimentId, dir });
  await client.registry.aliases.set({ name, alias: 'champion' }, version);
  return version;
}
