/**
 * champion's HTTP service vs `mlflow models serve --env-manager local` on the same registered
 * model, vs itself with every request through express (CHAMPION_DIRECT_LANE=off), and vs a bare
 * express endpoint returning a constant (express's ceiling). Each
 * server runs in its own process; one load generator of ours (keep-alive, fixed duration) sends
 * the same one-row MLflow `dataframe_split` body to /invocations at concurrency 1, 8 and 64.
 */
import { dirname, join } from 'node:path';
import { delimiter } from 'node:path';
import { findFreePort } from '@champion/mlflow-server';
import { writeSynthCsv } from '@champion/tabular';
import { train } from '@champion/trainer';
import { MlflowClient } from 'mlflow-js-client';
import type { BenchContext } from '../context.js';
import { measureLoad, type LoadFigures, type LoadTarget } from '../load.js';
import { measureLoadWrk, wrkVersion } from '../load-wrk.js';
import type { BenchReport, Measurement } from '../report.js';
import { startBenchServer, type BenchServer } from '../servers.js';

const CONCURRENCY = [1, 8, 64] as const;
/** The p99 at 8 connections champion aims to stay under (issue 13), shown as a row of its own. */
const P99_AIM_MS = 5;

async function trainChampion(ctx: BenchContext, name: string): Promise<void> {
  const csv = join(ctx.workDir, 'serving-bench.csv');
  await writeSynthCsv({ rows: 5000, seed: 11, out: csv });
  const client = new MlflowClient({ trackingUri: ctx.trackingUri });
  try {
    const summary = await train({
      client,
      name,
      data: { path: csv, target: 'default', idColumns: ['id'], seed: 11 },
      candidates: 1,
      folds: 2,
      timeBudgetSeconds: 120,
    });
    await client.registry.aliases.set({ name, alias: 'champion' }, summary.version ?? '1');
  } finally {
    await client.close();
  }
}

/** Which engine the server scores with (GET /model). */
async function servingEngine(url: string): Promise<string> {
  const model = (await (await fetch(`${url}/model`)).json()) as { engine?: { kind?: string } };
  return model.engine?.kind ?? 'unknown';
}

/** One row from the model's example, numbers as non-integers (MLflow refuses int for double). */
async function requestBody(ours: string): Promise<string> {
  const model = (await (await fetch(`${ours}/model`)).json()) as {
    features: { name: string; type: string }[];
  };
  const example = (await (await fetch(`${ours}/model/example`)).json()) as Record<
    string,
    unknown
  >[];
  const row = example[0] ?? {};
  const columns = model.features.map((f) => f.name);
  const data = model.features.map((f) => {
    const v = row[f.name];
    if (f.type !== 'numeric') return typeof v === 'string' ? v : '';
    const n = typeof v === 'number' ? v : 1;
    return Number.isInteger(n) ? n + 0.5 : n;
  });
  return JSON.stringify({ dataframe_split: { columns, data: [data] } });
}

/** `champion serve` on the bench's model with one scoring engine (`CHAMPION_ENGINE`). */
function startChampion(
  ctx: BenchContext,
  options: {
    name: string;
    port: number;
    label: string;
    engine: 'auto' | 'onnxruntime';
    /** CHAMPION_DIRECT_LANE: off sends /invocations through express. @default on */
    directLane?: 'on' | 'off';
  },
): Promise<BenchServer> {
  return startBenchServer({
    name: options.label,
    command: process.execPath,
    args: [
      // What `pnpm champion` runs (the compiled CLI), without pnpm between the bench and the
      // server's signals.
      'packages/cli/bin/champion.js',
      ...['serve', '--name', options.name, '--port', String(options.port)],
    ],
    url: `http://127.0.0.1:${options.port}`,
    readyPath: '/readyz',
    cwd: ctx.repoRoot,
    env: {
      MLFLOW_TRACKING_URI: ctx.trackingUri,
      LOG_LEVEL: 'warn',
      CHAMPION_ENGINE: options.engine,
      CHAMPION_DIRECT_LANE: options.directLane ?? 'on',
      CHAMPION_CACHE_DIR: join(ctx.workDir, `serving-cache-${options.port}`),
      CHAMPION_INFERENCE_STORE: join(ctx.workDir, `inference-log-${options.port}`),
      // No drain delay: only the bench talks to this server, and it stops it when done.
      CHAMPION_DRAIN_DELAY_MS: '0',
    },
  });
}

async function startServers(ctx: BenchContext, name: string): Promise<BenchServer[]> {
  const servers: BenchServer[] = [];
  const [oursPort, mlflowPort, expressPort, ortPort, viaExpressPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ];
  try {
    ctx.progress('serving: starting champion serve');
    servers.push(
      await startChampion(ctx, { name, port: oursPort, label: 'champion', engine: 'auto' }),
    );
    ctx.progress('serving: starting champion serve with CHAMPION_ENGINE=onnxruntime');
    servers.push(
      await startChampion(ctx, {
        name,
        port: ortPort,
        label: 'champion (onnxruntime engine)',
        engine: 'onnxruntime',
      }),
    );
    ctx.progress('serving: starting champion serve with CHAMPION_DIRECT_LANE=off');
    servers.push(
      await startChampion(ctx, {
        name,
        port: viaExpressPort,
        label: 'champion (express only)',
        engine: 'auto',
        directLane: 'off',
      }),
    );
    ctx.progress('serving: starting mlflow models serve --env-manager local');
    servers.push(
      await startBenchServer({
        name: 'mlflow models serve',
        command: ctx.mlflow,
        args: [
          ...['models', 'serve', '-m', `models:/${name}@champion`, '--env-manager', 'local'],
          ...['--host', '127.0.0.1', '--port', String(mlflowPort)],
        ],
        url: `http://127.0.0.1:${mlflowPort}`,
        readyPath: '/ping',
        cwd: ctx.workDir,
        // MLflow execs `uvicorn` through bash: the venv's bin must be on PATH.
        env: {
          MLFLOW_TRACKING_URI: ctx.trackingUri,
          PATH: `${dirname(ctx.mlflow)}${delimiter}${process.env['PATH'] ?? ''}`,
        },
      }),
    );
    ctx.progress('serving: starting a bare express endpoint');
    servers.push(
      await startBenchServer({
        name: 'bare express',
        command: process.execPath,
        args: [
          '--import',
          'tsx',
          'packages/bench/src/workers/bare-express.ts',
          String(expressPort),
        ],
        url: `http://127.0.0.1:${expressPort}`,
        readyPath: '/ping',
        cwd: ctx.repoRoot,
      }),
    );
    return servers;
  } catch (error) {
    for (const s of servers) s.stop();
    throw error;
  }
}

export async function benchServing(ctx: BenchContext): Promise<BenchReport> {
  const name = `bench-serving-${Date.now()}`;
  ctx.progress('serving: training a champion on synthetic data');
  await trainChampion(ctx, name);
  const servers = await startServers(ctx, name);
  const [ours, ort, viaExpress, mlflow, bare] = servers;
  if (!ours || !ort || !viaExpress || !mlflow || !bare) throw new Error('servers did not start');
  const durationMs = Math.max(2000, Math.round(8000 * ctx.scale));
  const figures = new Map<string, LoadFigures>();
  try {
    const body = await requestBody(ours.url);
    const engine = await servingEngine(ours.url);
    ctx.progress(`serving: champion scores with the ${engine} engine`);
    // wrk when installed (it leaves the servers more of a small machine's CPU), else node:http.
    const wrk = wrkVersion();
    const load = (o: { target: LoadTarget; concurrency: number; durationMs: number }) =>
      wrk === undefined ? measureLoad(o) : measureLoadWrk({ ...o, repoRoot: ctx.repoRoot });
    const generator = wrk ?? 'node:http (load.ts; install wrk for a lighter load generator)';
    ctx.progress(`serving: load generator ${generator}`);
    const targetOf = (server: BenchServer): LoadTarget => ({
      url: `${server.url}/invocations`,
      body,
      contentType: 'application/json',
    });
    // Warm up (JIT, first-request costs) before measuring.
    for (const server of servers) {
      await load({ target: targetOf(server), concurrency: 4, durationMs: 1000 });
    }
    // Servers interleaved at each concurrency, so a change in the machine's load between
    // measurements does not favour whichever server came first.
    for (const c of CONCURRENCY) {
      for (const server of servers) {
        ctx.progress(`serving: ${server.name} at concurrency ${c} for ${durationMs} ms`);
        const f = await load({ target: targetOf(server), concurrency: c, durationMs });
        if (f.errors > 0) ctx.progress(`serving: ${server.name} c=${c}: ${f.errors} errors`);
        figures.set(`${server.name}@${c}`, f);
      }
    }
    const get = (server: BenchServer, c: number): LoadFigures => {
      const f = figures.get(`${server.name}@${c}`);
      if (!f) throw new Error(`no figures for ${server.name}@${c}`);
      return f;
    };
    const measurements: Measurement[] = [];
    for (const c of CONCURRENCY) {
      const [o, r, x, m, b] = [
        get(ours, c),
        get(ort, c),
        get(viaExpress, c),
        get(mlflow, c),
        get(bare, c),
      ];
      const note = `errors: ours ${o.errors}, peer ${m.errors}`;
      measurements.push(
        {
          what: `throughput c=${c}`,
          unit: 'req/s',
          ours: o.throughput,
          peer: m.throughput,
          peerName: 'mlflow models serve',
          better: 'higher',
          ...(c === 8 ? { target: 5 } : {}),
          note,
        },
        {
          what: `p50 latency c=${c}`,
          unit: 'ms',
          ours: o.p50Ms,
          peer: m.p50Ms,
          peerName: 'mlflow models serve',
          better: 'lower',
        },
        {
          what: `p99 latency c=${c}`,
          unit: 'ms',
          ours: o.p99Ms,
          peer: m.p99Ms,
          peerName: 'mlflow models serve',
          better: 'lower',
          ...(c === 8 ? { target: 1 } : {}),
        },
        {
          what: `p99 latency c=${c}`,
          unit: 'ms',
          ours: o.p99Ms,
          peer: r.p99Ms,
          peerName: 'champion, CHAMPION_ENGINE=onnxruntime',
          better: 'lower',
        },
        {
          what: `p99 latency c=${c}`,
          unit: 'ms',
          ours: o.p99Ms,
          peer: b.p99Ms,
          peerName: 'bare express (constant)',
          better: 'lower',
          note: `express alone answering a constant (champion answers /invocations before express); load: ${generator}`,
        },
        ...(c === 8
          ? [
              {
                what: `p99 latency c=${c}`,
                unit: 'ms',
                ours: o.p99Ms,
                peer: P99_AIM_MS,
                peerName: 'the aim (5 ms)',
                better: 'lower' as const,
                target: 1,
              },
            ]
          : []),
        {
          what: `throughput c=${c}`,
          unit: 'req/s',
          ours: o.throughput,
          peer: b.throughput,
          peerName: 'bare express (constant)',
          better: 'higher',
          target: 0.6,
          note: `champion's engine: ${engine}`,
        },
        {
          what: `throughput c=${c}`,
          unit: 'req/s',
          ours: o.throughput,
          peer: x.throughput,
          peerName: 'champion, CHAMPION_DIRECT_LANE=off',
          better: 'higher',
          note: `the same server with every request through express (p99 ${x.p99Ms.toFixed(2)} ms)`,
        },
        {
          what: `throughput c=${c}, CHAMPION_ENGINE=onnxruntime`,
          unit: 'req/s',
          ours: r.throughput,
          peer: b.throughput,
          peerName: 'bare express (constant)',
          better: 'higher',
          note: 'the same server scoring with onnxruntime (the engine before the compiled one served)',
        },
      );
    }
    measurements.push(
      {
        what: 'peak RSS of the server',
        unit: 'MiB',
        ours: ours.peakRssMiB(),
        peer: mlflow.peakRssMiB(),
        peerName: 'mlflow models serve',
        better: 'lower',
      },
      {
        what: 'peak RSS of the server',
        unit: 'MiB',
        ours: ours.peakRssMiB(),
        peer: bare.peakRssMiB(),
        peerName: 'bare express (constant)',
        better: 'lower',
      },
    );
    return { bench: 'serving', measurements };
  } finally {
    for (const s of servers) s.stop();
  }
}
