/**
 * Fixtures of serving's acceptance tests: a service on a real champion, a bounded load
 * generator, the Python peers (MLflow's own server, tritonclient, schemathesis) and child
 * processes that are always cleaned up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { readMLmodel, type MlflowClient } from 'mlflow-js-client';
import { loadServingConfig, type ServingConfig } from '../src/config.js';
import type { ServedModel } from '@champion/runtime';
import { freePort } from '@champion/trainer/test-support';
import { repoRoot, spawnChild, waitFor200, type Child } from '@champion/mlflow-server/test-support';

export { repoRoot, spawnChild, waitFor200, type Child };

/** A serving config for tests: port 0, short poll, files under `dir`. */
export function testConfig(options: {
  name: string;
  dir: string;
  pollIntervalMs?: number;
}): ServingConfig {
  return loadServingConfig(
    {},
    {
      modelName: options.name,
      port: 0,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      cacheDir: join(options.dir, 'cache'),
      inferenceStore: join(options.dir, 'inference-log'),
      shutdownGraceMs: 5000,
      // In-process servers of tests have no load balancer to wait for.
      drainDelayMs: 0,
    },
  );
}

/** A valid record for `model`: the first value of each feature seen in training. */
export function sampleRecords(model: ServedModel, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, row) => {
    const record: Record<string, unknown> = {};
    for (const f of model.features) {
      if (f.type === 'numeric') {
        const lo = f.min ?? 0;
        const hi = f.max ?? lo + 1;
        // Spread rows over the range so predictions differ between rows.
        const value = Math.round((lo + ((hi - lo) * (row + 1)) / (count + 1)) * 100) / 100;
        // Never a whole number: JSON would send it as an int, which MLflow refuses for double.
        record[f.name] = Number.isInteger(value) ? value + 0.25 : value;
      } else {
        const categories = f.categories ?? [];
        record[f.name] = categories[row % Math.max(1, categories.length)] ?? '';
      }
    }
    return record;
  });
}

/** What one load run saw. */
export interface LoadResult {
  readonly ok: number;
  /** Every non-200 answer or network error, in order. */
  readonly failures: readonly string[];
  /** (time since start in ms, version) of each successful answer. */
  readonly versions: readonly { readonly atMs: number; readonly version: string }[];
}

/**
 * `concurrency` loops POSTing `body` to `url` until `durationMs` passes or `stop` resolves;
 * records the model version each 200 answer names (`model.version` in /predict's body).
 */
export async function runLoad(options: {
  url: string;
  body: unknown;
  concurrency: number;
  durationMs: number;
  stop?: Promise<unknown>;
}): Promise<LoadResult> {
  const start = Date.now();
  const end = start + options.durationMs;
  let stopped = false;
  void options.stop?.then(() => (stopped = true));
  const failures: string[] = [];
  const versions: { atMs: number; version: string }[] = [];
  let ok = 0;
  const payload = JSON.stringify(options.body);
  const loop = async (): Promise<void> => {
    while (!stopped && Date.now() < end) {
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
        });
        const text = await res.text();
        if (res.status !== 200) {
          failures.push(`${res.status} ${text.slice(0, 200)}`);
          continue;
        }
        ok++;
        const parsed = JSON.parse(text) as
          { model: { version: string } } | { model: { version: string } }[];
        const first = Array.isArray(parsed) ? parsed[0] : parsed;
        versions.push({ atMs: Date.now() - start, version: first?.model.version ?? '?' });
      } catch (error) {
        failures.push(error instanceof Error ? `${error.message} ${String(error.cause)}` : 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return { ok, failures, versions };
}

/** Registers another version of `name` from the logged model `modelId` and waits for it. */
export async function newVersionOf(options: {
  client: MlflowClient;
  name: string;
  modelId: string;
}): Promise<string> {
  const { client, name, modelId } = options;
  const created = await client.registry.versions.create({
    name,
    source: `models:/${modelId}`,
    modelId,
  });
  return (await client.registry.versions.waitUntilReady({ name, version: created.version }))
    .version;
}

/**
 * A Python that can import `module`: `<repo>/.venv-bench` (built by `pnpm bench`), then
 * CHAMPION_PEERS_PYTHON. Undefined when none can; the caller skips (or fails on CI).
 */
export function peerPython(module: string): string | undefined {
  const candidates = [
    join(repoRoot(), '.venv-bench', 'bin', 'python'),
    process.env['CHAMPION_PEERS_PYTHON'],
  ];
  for (const python of candidates) {
    if (python === undefined || !existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

/**
 * Whether a test needing `what` should run: false (with a console.warn saying how to enable it)
 * when it is missing; throws on CI, where a silent skip would hide a broken pipeline.
 */
export function available(what: string, value: string | undefined, howTo: string): boolean {
  if (value !== undefined) return true;
  const message = `${what} is not available: ${howTo}`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

/**
 * `champion serve --name NAME` as its own process group (the CLI through tsx, as `pnpm champion`
 * runs it), against the tests' MLflow, with its cache and inference log under `dir`; resolves once
 * `/readyz` answers 200. `env` adds or overrides settings (e.g. the drain delay).
 */
export async function spawnServe(options: {
  name: string;
  port: number;
  dir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Child> {
  const serve = spawnChild({
    command: process.execPath,
    args: [
      ...['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts'],
      ...['serve', '--name', options.name, '--port', String(options.port)],
    ],
    env: {
      MLFLOW_TRACKING_URI: process.env['MLFLOW_TRACKING_URI'] ?? '',
      CHAMPION_CACHE_DIR: join(options.dir, 'cache'),
      CHAMPION_INFERENCE_STORE: join(options.dir, 'log'),
      ...options.env,
    },
  });
  await waitFor200({
    url: `http://127.0.0.1:${options.port}/readyz`,
    timeoutMs: 90_000,
    why: () => serve.output(),
  });
  return serve;
}

/**
 * `mlflow models serve -m MODEL_URI --env-manager local` with the venv of `python`, against the
 * tests' MLflow, on a free port; resolves once `/ping` answers 200.
 */
export async function startMlflowServe(options: {
  python: string;
  modelUri: string;
}): Promise<{ child: Child; url: string }> {
  const bin = dirname(options.python);
  const port = await freePort();
  const child = spawnChild({
    command: join(bin, 'mlflow'),
    args: [
      ...['models', 'serve', '-m', options.modelUri, '--env-manager', 'local'],
      ...['--host', '127.0.0.1', '--port', String(port)],
    ],
    // MLflow execs `uvicorn` through bash: the venv's bin must come first on PATH.
    env: {
      MLFLOW_TRACKING_URI: process.env['MLFLOW_TRACKING_URI'] ?? '',
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200({ url: `${url}/ping`, timeoutMs: 150_000, why: () => child.output() });
  return { child, url };
}

/**
 * The rows with whole numbers in the columns the signature types `long` (integer columns of the
 * training file): MLflow casts a JSON fraction there to int64 (30.25 -> 30) and would score a
 * different row than champion.
 */
export async function wholeWhereLong(
  rows: readonly Record<string, unknown>[],
  modelDir: string,
): Promise<Record<string, unknown>[]> {
  const mlmodel = await readMLmodel(join(modelDir, 'MLmodel'));
  const inputs = JSON.parse(mlmodel.signature?.inputs ?? '[]') as { name: string; type: string }[];
  const longs = inputs.filter((c) => c.type === 'long').map((c) => c.name);
  const whole = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v) : v);
  return rows.map((r) => ({ ...r, ...Object.fromEntries(longs.map((c) => [c, whole(r[c])])) }));
}

/** Runs a Python script and parses the one JSON line it prints last. */
export async function runPythonJson<T>(options: {
  python: string;
  args: readonly string[];
  timeoutMs?: number;
}): Promise<T> {
  const child = spawnChild({ command: options.python, args: options.args });
  const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 120_000);
  const code = await child.exited;
  clearTimeout(timer);
  const out = child.output();
  if (code !== 0) throw new Error(`${options.args[0] ?? 'python'} exited ${code}: ${out}`);
  const jsonLine = out
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (jsonLine === undefined) throw new Error(`no JSON result: ${out}`);
  return JSON.parse(jsonLine) as T;
}

/** Resolves with the served model once the host serves one (throws after `timeoutMs`). */
export async function servedModel(
  host: { current(): ServedModel | undefined },
  timeoutMs = 60_000,
): Promise<ServedModel> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const model = host.current();
    if (model !== undefined) return model;
    if (Date.now() > end) throw new Error(`no model served within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
