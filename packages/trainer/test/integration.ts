/** Shared fixtures of the trainer's integration tests: a client, unique names, demo data. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { MlflowClient } from 'mlflow-js-client';
import type { TrainOptions } from '../src/index.js';
import { findRepoRoot } from '@champion/mlflow-server';

/** A client for the server in MLFLOW_TRACKING_URI (set by the jest global setup). */
export function integrationClient(): MlflowClient {
  if (process.env['MLFLOW_TRACKING_URI'] === undefined) {
    throw new Error('MLFLOW_TRACKING_URI is not set; the integration global setup should set it.');
  }
  return MlflowClient.fromEnv(process.env, { retry: { totalDeadlineMs: 30_000 } });
}

/** A name no other test (or earlier run against the same server) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes the seeded synthetic credit-default CSV (target `default`, id `id`) and returns its path. */
export async function demoCsv(options: {
  dir: string;
  rows: number;
  seed: number;
}): Promise<string> {
  const out = join(options.dir, `synth-${options.rows}-${options.seed}.csv`);
  await writeSynthCsv({ rows: options.rows, seed: options.seed, out });
  return out;
}

/** Train options with a small budget, for the demo data at `path`. */
export function smallTrain(options: {
  client: MlflowClient;
  name: string;
  path: string;
}): TrainOptions {
  return {
    client: options.client,
    name: options.name,
    data: { path: options.path, target: 'default', idColumns: ['id'], seed: 7 },
    candidates: 1,
    folds: 2,
    timeBudgetSeconds: 60,
  };
}

/**
 * The kind of every column of a small, unquoted CSV, decided from the file alone: a column is
 * categorical when it is declared so or holds a value that is not a number.
 */
export async function csvColumnKinds(options: {
  path: string;
  categorical?: readonly string[];
}): Promise<Map<string, 'numeric' | 'categorical'>> {
  const [header = '', ...lines] = (await readFile(options.path, 'utf8'))
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const names = header.split(',');
  const kinds = new Map<string, 'numeric' | 'categorical'>(names.map((n) => [n, 'numeric']));
  for (const name of options.categorical ?? []) kinds.set(name, 'categorical');
  for (const line of lines) {
    line.split(',').forEach((cell, i) => {
      const name = names[i];
      if (name !== undefined && cell !== '' && !Number.isFinite(Number(cell)))
        kinds.set(name, 'categorical');
    });
  }
  return kinds;
}

/**
 * The Python with MLflow for cross-checks (CHAMPION_MLFLOW_PYTHON, set by the jest global setup),
 * or why there is none. On CI a missing Python is an error, never a silent skip.
 */
export function pythonForCrossChecks(): { python: string } | { missing: string } {
  const python = process.env['CHAMPION_MLFLOW_PYTHON'];
  if (python !== undefined && python !== '') return { python };
  const missing =
    "CHAMPION_MLFLOW_PYTHON is not set: the cross-check with MLflow's Python client cannot run";
  if (process.env['CI'] === 'true') throw new Error(`${missing} (CI=true: refusing to skip)`);
  return { missing };
}

/**
 * Probabilities MLflow's Python client predicts for the rows of `csv`, per model URI, through
 * `mlflow.pyfunc.load_model(uri).predict(frame)` (see test/pyfunc_predict.py).
 */
export async function pyfuncPredict(options: {
  python: string;
  dir: string;
  csv: string;
  columns: readonly { name: string; kind: 'numeric' | 'categorical' }[];
  uris: readonly string[];
}): Promise<Record<string, number[]>> {
  const script = join(findRepoRoot(), 'packages', 'trainer', 'test', 'pyfunc_predict.py');
  const columnsPath = join(options.dir, 'pyfunc-columns.json');
  const outPath = join(options.dir, 'pyfunc-out.json');
  await writeFile(columnsPath, JSON.stringify(options.columns));
  const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>(
    (done, fail) => {
      const child = spawn(
        options.python,
        [script, options.csv, columnsPath, outPath, ...options.uris],
        {
          env: process.env,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
      child.on('error', fail);
      child.on('close', (code) => done({ status: code, stderr: err }));
    },
  );
  if (status !== 0)
    throw new Error(`pyfunc_predict.py exited with ${status}:\n${stderr.slice(-4000)}`);
  return JSON.parse(await readFile(outPath, 'utf8')) as Record<string, number[]>;
}

/**
 * An HTTP proxy in front of the MLflow server that answers `refuse`d requests with 403
 * PERMISSION_DENIED (as an MLflow with auth does for a user without the permission) and passes
 * everything else through unchanged.
 */
export async function startRefusingProxy(options: {
  target: string;
  refuse: (request: { method: string; path: string }) => boolean;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(options.target);
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (options.refuse({ method, path })) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error_code: 'PERMISSION_DENIED',
          message: `Permission denied for ${method} ${path}`,
        }),
      );
      return;
    }
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.destroy(error));
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
