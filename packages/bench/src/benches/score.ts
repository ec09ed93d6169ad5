/**
 * Batch scoring of a 1M-row file: `pnpm champion score` (the command the README gives) vs the two ways an MLflow user
 * scores a file with the same registered model: `mlflow models predict` and pyfunc over pandas.
 * Rows are resampled (with replacement) from uci_credit_default.csv, or synthetic when the
 * shared data is absent. Each side runs in its own process; peak RSS is the process's own.
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, writeSynthCsv } from '@champion/tabular';
import type { BenchContext } from '../context.js';
import type { BenchReport, Measurement } from '../report.js';
import { pickLines } from './lines.js';
import { timed, timedJson } from './timed.js';

const NAME = 'bench-score';
const REAL = { file: 'uci_credit_default.csv', target: 'default.payment.next.month', id: 'ID' };

/**
 * Writes `rows` rows drawn with replacement from `source`, without the target column, each field
 * as the source wrote it: the model's signature types columns as pandas reads the training file
 * (docs/pyfunc.md), so pyfunc and `mlflow models predict` take the same text unchanged.
 */
export async function resample(options: {
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
  const rows = lines.map((line) =>
    line
      .split(',')
      .filter((_, i) => i !== drop)
      .join(','),
  );
  const random = mulberry32(7);
  const out = createWriteStream(options.out);
  out.write(`${columns.filter((_, i) => i !== drop).join(',')}\n`);
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

/** pyfunc over pandas, as a notebook does it; prints its own timings and the first scores. */
const PANDAS_SCRIPT = `
import json, resource, sys, time
import mlflow.pyfunc, pandas as pd
model = mlflow.pyfunc.load_model(sys.argv[1])
start = time.perf_counter()
df = pd.read_csv(sys.argv[2])
pred = model.predict(df)
seconds = time.perf_counter() - start
print(json.dumps({"rows": len(pred), "seconds": seconds,
                  "first": [float(p) for p in pred["probability"][:1000]],
                  "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

/** The first `n` probabilities of our output CSV (column `probability`). */
async function firstProbabilities(path: string, n: number): Promise<number[]> {
  const { header, lines } = await pickLines(
    path,
    Array.from({ length: n }, (_, i) => i),
  );
  const at = header.split(',').indexOf('probability');
  return lines.map((l) => Number(l.split(',')[at]));
}

interface OurSummary {
  readonly seconds: number;
  readonly rowsScored: number;
  readonly engine: string;
}

/** The registered model the score benches use: trained once with `champion train --search quick`. */
export async function benchScoreModel(ctx: BenchContext): Promise<{
  uri: string;
  data: { path: string; target: string; id: string };
  real: boolean;
  env: Record<string, string>;
  champion: (args: readonly string[]) => { command: string; args: string[] };
}> {
  const source = ctx.dataDir === undefined ? undefined : join(ctx.dataDir, REAL.file);
  const real = source !== undefined && existsSync(source);
  const data = real
    ? { path: source, target: REAL.target, id: REAL.id }
    : { path: join(ctx.workDir, 'score-synth-train.csv'), target: 'default', id: 'id' };
  const name = real ? NAME : `${NAME}-synthetic`;
  if (!real && !existsSync(data.path)) {
    ctx.progress('score: shared data absent; using synthetic rows');
    await writeSynthCsv({ rows: 30_000, seed: 5, out: data.path });
  }
  // The command the README gives, `pnpm champion ...` (pnpm, then the compiled CLI from dist/).
  // Built first so the timed run never includes a rebuild (the launcher rebuilds stale sources).
  ctx.progress('score: pnpm build (so `pnpm champion` finds dist/ up to date)');
  const built = await timed({ command: 'pnpm', args: ['-s', 'build'], cwd: ctx.repoRoot });
  if (!built.ok) throw new Error(`pnpm build failed: ${built.error ?? ''}`);
  const champion = (args: readonly string[]): { command: string; args: string[] } => ({
    command: 'pnpm',
    args: ['champion', ...args],
  });
  const env = { MLFLOW_TRACKING_URI: ctx.trackingUri, LOG_LEVEL: 'warn' };
  if (await hasChampion(ctx, name)) ctx.progress(`score: reusing models:/${name}@champion`);
  else {
    ctx.progress(`score: training ${name} with pnpm champion train --search quick`);
    const trained = await timed({
      ...champion([
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
      ]),
      env,
      cwd: ctx.repoRoot,
    });
    if (!trained.ok) throw new Error(`champion train failed: ${trained.error ?? ''}`);
  }
  return { uri: `models:/${name}@champion`, data, real, env, champion };
}

export async function benchScore(ctx: BenchContext): Promise<BenchReport> {
  const rows = Math.round(1_000_000 * ctx.scale);
  const big = join(ctx.workDir, 'score-big.csv');
  const { uri, data, real, env, champion } = await benchScoreModel(ctx);
  ctx.progress(`score: writing ${rows} rows to ${big}`);
  await resample({ source: data.path, target: data.target, rows, out: big });

  ctx.progress('score: pnpm champion score');
  const ourOutput = join(ctx.workDir, 'score-out.csv');
  const ours = await timedJson<OurSummary>({
    ...champion(['score', '--model', uri, '--input', big, '--output', ourOutput, '--json']),
    env,
    cwd: ctx.repoRoot,
    stdoutTo: join(ctx.workDir, 'score-summary.json'),
  });
  if (ours.json === undefined) throw new Error(`champion score failed: ${ours.error ?? ''}`);
  const summary = ours.json;

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
  if (!cliPeer.ok)
    ctx.progress(`score: mlflow models predict failed: ${(cliPeer.error ?? '').slice(-400)}`);

  ctx.progress('score: mlflow pyfunc over pandas');
  const script = join(ctx.workDir, 'score-pandas.py');
  writeFileSync(script, PANDAS_SCRIPT);
  const pandasRun = await timedJson<{
    rows: number;
    seconds: number;
    first: number[];
    peakMiB: number;
  }>({
    command: ctx.python,
    args: [script, uri, big],
    env: { MLFLOW_TRACKING_URI: ctx.trackingUri },
    cwd: ctx.workDir,
    stdoutTo: join(ctx.workDir, 'score-pandas.json'),
  });
  if (pandasRun.json === undefined)
    throw new Error(`pyfunc + pandas failed: ${pandasRun.error ?? ''}`);
  const pandas = pandasRun.json;
  // Same model, same rows: the first 1,000 probabilities must agree (float32 printing aside).
  const mine = await firstProbabilities(ourOutput, pandas.first.length);
  const maxDiff = Math.max(...pandas.first.map((p, i) => Math.abs(p - (mine[i] ?? NaN))));
  if (!(maxDiff <= 1e-6))
    throw new Error(`champion score and pyfunc disagree: max |diff| ${maxDiff}`);

  const rate = (seconds: number): number => rows / seconds;
  const endToEndPeers = [
    { name: 'pyfunc + pandas script', seconds: pandasRun.seconds },
    ...(cliPeer.ok ? [{ name: 'mlflow models predict', seconds: cliPeer.seconds }] : []),
  ].sort((a, b) => a.seconds - b.seconds);
  const fastest = endToEndPeers[0] as { name: string; seconds: number };
  const dataNote = real ? `${rows} rows resampled from ${REAL.file}` : `${rows} synthetic rows`;
  const agree = `first 1,000 probabilities equal pyfunc's within ${maxDiff.toExponential(1)}`;
  const measurements: Measurement[] = [
    {
      what: 'score 1M-row CSV end to end: `pnpm champion score` vs the whole Python script',
      unit: 'rows/s',
      ours: rate(ours.seconds),
      peer: rate(fastest.seconds),
      peerName: `faster of the Python paths (${fastest.name})`,
      better: 'higher',
      target: 3,
      note: `${dataNote}; engine ${summary.engine}; ${agree}`,
    },
    {
      what: 'score 1M-row CSV: `pnpm champion score` end to end vs pyfunc after its model load',
      unit: 'rows/s',
      ours: rate(ours.seconds),
      peer: pandas.rows / pandas.seconds,
      peerName: 'pd.read_csv + pyfunc predict (timed after load_model)',
      better: 'higher',
      target: 3,
      note: 'ours includes pnpm, Node start-up, the model download and writing the output',
    },
    {
      what: 'score 1M-row CSV: read + score only (no start-up, no model load)',
      unit: 'rows/s',
      ours: summary.rowsScored / summary.seconds,
      peer: pandas.rows / pandas.seconds,
      peerName: 'pd.read_csv + pyfunc predict',
      better: 'higher',
      target: 3,
      note: 'ours also writes the output file; pandas keeps its predictions in memory',
    },
    {
      what: 'score 1M-row CSV: wall time, end to end',
      unit: 's',
      ours: ours.seconds,
      peer: 5 * (rows / 1_000_000),
      peerName: 'absolute target (1M rows under 5 s)',
      better: 'lower',
      target: 1,
    },
    {
      what: 'score: peak RSS vs pyfunc + pandas',
      unit: 'MiB',
      ours: ours.peakMiB,
      peer: pandasRun.peakMiB,
      peerName: 'pyfunc + pandas script',
      better: 'lower',
    },
  ];
  if (cliPeer.ok) {
    measurements.push(
      {
        what: 'score: end to end vs mlflow models predict',
        unit: 'rows/s',
        ours: rate(ours.seconds),
        peer: rate(cliPeer.seconds),
        peerName: 'mlflow models predict --env-manager local',
        better: 'higher',
      },
      {
        what: 'score: peak RSS vs mlflow models predict',
        unit: 'MiB',
        ours: ours.peakMiB,
        peer: cliPeer.peakMiB,
        peerName: 'mlflow models predict --env-manager local',
        better: 'lower',
      },
    );
  }
  return { bench: 'score', measurements };
}
