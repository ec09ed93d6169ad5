/**
 * Batch scoring of a 1M-row file: `champion score` (our CLI) vs the two ways an MLflow user
 * scores a file with the same registered model: `mlflow models predict` and pyfunc over pandas.
 * Rows are resampled (with replacement) from uci_credit_default.csv, or synthetic when the
 * shared data is absent. Each side runs in its own process; peak RSS is the process's own.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import type { BenchContext } from '../context.js';
import { runPython } from '../context.js';
import type { BenchReport, Measurement } from '../report.js';

const NAME = 'bench-score';
const REAL = { file: 'uci_credit_default.csv', target: 'default.payment.next.month', id: 'ID' };

interface Timed {
  readonly ok: boolean;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly error?: string;
}

/** Runs a command under /usr/bin/time -v: wall time and the process's peak RSS. */
function timed(options: {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-v', options.command, ...options.args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? 0);
      resolve({
        ok: code === 0,
        seconds,
        peakMiB: kib / 1024,
        // Drop time's own report: the command's last words are what explains a failure.
        ...(code === 0
          ? {}
          : { error: (err.split('\tCommand being timed')[0] ?? err).slice(-1500) }),
      });
    });
  });
}

/** Seeded 32-bit generator: the same resample every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` rows drawn with replacement from `source`, without the target column. */
async function resample(options: {
  source: string;
  target: string;
  rows: number;
  out: string;
}): Promise<void> {
  const [header = '', ...lines] = readFileSync(options.source, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const columns = header.split(',');
  const drop = columns.findIndex((c) => c.replace(/"/g, '') === options.target);
  const strip = (line: string): string =>
    drop < 0
      ? line
      : line
          .split(',')
          .filter((_, i) => i !== drop)
          .join(',');
  const rows = lines.map(strip);
  const random = mulberry32(7);
  const out = createWriteStream(options.out);
  out.write(`${strip(header)}\n`);
  let buffer = '';
  for (let i = 0; i < options.rows; i++) {
    buffer += `${rows[Math.floor(random() * rows.length)] ?? ''}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.end(buffer, () => resolve());
    out.on('error', reject);
  });
}

async function hasChampion(ctx: BenchContext, name: string): Promise<boolean> {
  const url = `${ctx.trackingUri}/api/2.0/mlflow/registered-models/alias?name=${encodeURIComponent(name)}&alias=champion`;
  const res = await fetch(url).catch(() => undefined);
  return res?.ok === true;
}

const PANDAS_SCRIPT = `
import json, resource, sys, time
import mlflow.pyfunc, pandas as pd
model = mlflow.pyfunc.load_model(sys.argv[1])
start = time.perf_counter()
header = pd.read_csv(sys.argv[2], nrows=0).columns
df = pd.read_csv(sys.argv[2], dtype={c: float for c in header if c != sys.argv[3]})
pred = model.predict(df)
seconds = time.perf_counter() - start
print(json.dumps({"rows": len(pred), "seconds": seconds,
                  "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

export async function benchScore(ctx: BenchContext): Promise<BenchReport> {
  const rows = Math.round(1_000_000 * ctx.scale);
  const big = join(ctx.workDir, 'score-big.csv');
  const source = ctx.dataDir === undefined ? undefined : join(ctx.dataDir, REAL.file);
  const real = source !== undefined && existsSync(source);
  const data = real
    ? { path: source, target: REAL.target, id: REAL.id }
    : { path: join(ctx.workDir, 'score-synth-train.csv'), target: 'default', id: 'id' };
  const name = real ? NAME : `${NAME}-synthetic`;
  if (!real) {
    ctx.progress('score: shared data absent; using synthetic rows');
    await writeSynthCsv({ rows: 30_000, seed: 5, out: data.path });
  }
  ctx.progress(`score: writing ${rows} rows to ${big}`);
  await resample({ source: data.path, target: data.target, rows, out: big });

  const cli = ['--import', 'tsx', '--conditions=@champion/source', 'packages/cli/src/main.ts'];
  const env = { MLFLOW_TRACKING_URI: ctx.trackingUri, LOG_LEVEL: 'warn' };
  if (await hasChampion(ctx, name)) ctx.progress(`score: reusing models:/${name}@champion`);
  else {
    ctx.progress(`score: training ${name} with champion train --search quick`);
    const trained = await timed({
      command: process.execPath,
      args: [
        ...cli,
        'train',
        '--data',
        data.path,
        '--target',
        data.target,
        '--id-cols',
        data.id,
        '--search',
        'quick',
        '--name',
        name,
      ],
      env,
      cwd: ctx.repoRoot,
    });
    if (!trained.ok) throw new Error(`champion train failed: ${trained.error ?? ''}`);
  }
  const uri = `models:/${name}@champion`;

  ctx.progress('score: champion score');
  const ours = await timed({
    command: process.execPath,
    args: [
      ...cli,
      'score',
      '--model',
      uri,
      '--input',
      big,
      '--output',
      join(ctx.workDir, 'score-out.csv'),
    ],
    env,
    cwd: ctx.repoRoot,
  });
  if (!ours.ok) throw new Error(`champion score failed: ${ours.error ?? ''}`);

  ctx.progress('score: mlflow models predict');
  const cliPeer = await timed({
    command: ctx.mlflow,
    args: [
      'models',
      'predict',
      '-m',
      uri,
      '-i',
      big,
      '-t',
      'csv',
      '-o',
      join(ctx.workDir, 'score-preds.json'),
      '--env-manager',
      'local',
    ],
    env: { MLFLOW_TRACKING_URI: ctx.trackingUri },
    cwd: ctx.workDir,
  });
  const int64 = cliPeer.ok
    ? undefined
    : /Incompatible input types for column [^.]+\. Can not safely convert int64[^.]*\./.exec(
        cliPeer.error ?? '',
      )?.[0];

  ctx.progress('score: mlflow pyfunc over pandas (floats)');
  const script = join(ctx.workDir, 'score-pandas.py');
  writeFileSync(script, PANDAS_SCRIPT);
  const pandas = await runPython<{ rows: number; seconds: number; peakMiB: number }>({
    python: ctx.python,
    args: [script, uri, big, data.id],
    env: { MLFLOW_TRACKING_URI: ctx.trackingUri },
  });

  const rate = (seconds: number): number => rows / seconds;
  const pythonBest = Math.max(pandas.rows / pandas.seconds, cliPeer.ok ? rate(cliPeer.seconds) : 0);
  const dataNote = real ? `${rows} rows resampled from ${REAL.file}` : `${rows} synthetic rows`;
  const peerNote = cliPeer.ok
    ? 'mlflow models predict (CLI, incl. start-up)'
    : `mlflow models predict FAILED${int64 === undefined ? '' : ` (int64 vs the double signature: "${int64}"); pyfunc+pandas reads floats instead`}`;
  const measurements: Measurement[] = [
    {
      what: 'score 1M-row CSV: throughput (incl. start-up)',
      unit: 'rows/s',
      ours: rate(ours.seconds),
      peer: pythonBest,
      peerName: 'faster of mlflow CLI / pyfunc+pandas',
      better: 'higher',
      target: 3,
      note: `${dataNote}; ${peerNote}`,
    },
    {
      what: 'score 1M-row CSV: wall time',
      unit: 's',
      ours: ours.seconds,
      peer: 5 * (rows / 1_000_000),
      peerName: 'absolute target (1M rows under 5 s)',
      better: 'lower',
      target: 1,
    },
    {
      what: 'score: throughput vs pyfunc + pandas (read+predict only)',
      unit: 'rows/s',
      ours: rate(ours.seconds),
      peer: pandas.rows / pandas.seconds,
      peerName: 'mlflow pyfunc + pandas (floats)',
      better: 'higher',
    },
    {
      what: 'score: peak RSS vs pyfunc + pandas',
      unit: 'MiB',
      ours: ours.peakMiB,
      peer: pandas.peakMiB,
      peerName: 'mlflow pyfunc + pandas (floats)',
      better: 'lower',
    },
  ];
  if (cliPeer.ok) {
    measurements.push(
      {
        what: 'score: throughput vs mlflow models predict',
        unit: 'rows/s',
        ours: rate(ours.seconds),
        peer: rate(cliPeer.seconds),
        peerName: 'mlflow models predict',
        better: 'higher',
      },
      {
        what: 'score: peak RSS vs mlflow models predict',
        unit: 'MiB',
        ours: ours.peakMiB,
        peer: cliPeer.peakMiB,
        peerName: 'mlflow models predict',
        better: 'lower',
      },
    );
  } else ctx.progress(`score: ${peerNote}: ${(cliPeer.error ?? '').slice(-400)}`);
  return { bench: 'score', measurements };
}
