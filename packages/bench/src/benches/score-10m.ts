/**
 * The batch-scoring acceptance run at full size: 10,000,000 synthetic rows × 30 features written
 * by `champion data synth`, scored by `champion score` (the built CLI, as the image runs it) with
 * its peak RSS measured, the output's row count checked against the input's, and a seeded
 * 1,000-row sample of the output compared with `POST /predict` of `champion serve` on the same
 * rows (same registered version; probabilities must be the very same float32 values).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import type { BenchReport } from '../report.js';
import { pickLines } from './lines.js';
import { timed, timedJson } from './timed.js';

const NAME = 'bench-score-synth';
const SAMPLE = 1_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`champion serve exited ${child.exitCode}`);
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.ok === true) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('champion serve was not ready within 2 minutes');
}

interface Prediction {
  readonly probability: number;
  /** Typed as the training target (a number here); a CSV holds its text. */
  readonly label: string | number;
  readonly model: { readonly version: string };
}

/** Posts the sampled rows to /predict and counts rows whose output line differs. */
async function compareWithPredict(options: {
  url: string;
  input: { header: string; lines: string[] };
  output: { header: string; lines: string[] };
}): Promise<{ compared: number; mismatches: string[] }> {
  const { url, input, output } = options;
  const schema = (await (await fetch(`${url}/model/schema`)).json()) as {
    features: { name: string; type: 'numeric' | 'categorical' }[];
  };
  const columns = input.header.split(',');
  const records = input.lines.map((line) => {
    const fields = line.split(',');
    const record: Record<string, unknown> = {};
    for (const f of schema.features) {
      const text = fields[columns.indexOf(f.name)] ?? '';
      record[f.name] = text === '' ? null : f.type === 'numeric' ? Number(text) : text;
    }
    return record;
  });
  const predictions: Prediction[] = [];
  for (let start = 0; start < records.length; start += 250) {
    const res = await fetch(`${url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(records.slice(start, start + 250)),
    });
    if (!res.ok) throw new Error(`POST /predict answered ${res.status}: ${await res.text()}`);
    predictions.push(...((await res.json()) as Prediction[]));
  }
  const outColumns = output.header.split(',');
  const at = (name: string): number => outColumns.indexOf(name);
  const mismatches: string[] = [];
  predictions.forEach((p, i) => {
    const fields = (output.lines[i] ?? '').split(',');
    const same =
      Number(fields[at('probability')]) === p.probability &&
      fields[at('label')] === String(p.label) &&
      fields[at('model_version')] === p.model.version;
    if (!same) mismatches.push(`sample ${i}: ${output.lines[i] ?? ''} vs ${JSON.stringify(p)}`);
  });
  return { compared: predictions.length, mismatches };
}

export async function benchScore10m(ctx: BenchContext): Promise<BenchReport> {
  const rows = Math.round(10_000_000 * ctx.scale);
  const cli = [join(ctx.repoRoot, 'packages/cli/dist/main.js')];
  const env = { MLFLOW_TRACKING_URI: ctx.trackingUri, LOG_LEVEL: 'warn' };
  const run = (args: string[]): ReturnType<typeof timed> =>
    timed({ command: process.execPath, args: [...cli, ...args], env, cwd: ctx.repoRoot });

  ctx.progress('score-10m: pnpm build (the CLI runs from dist, as in the container image)');
  const built = await timed({ command: 'pnpm', args: ['-s', 'build'], cwd: ctx.repoRoot });
  if (!built.ok) throw new Error(`pnpm build failed: ${built.error ?? ''}`);
  const train = join(ctx.workDir, 'synth-train.csv');
  const input = join(ctx.workDir, 'synth-10m.csv');
  const output = join(ctx.workDir, 'synth-10m-scored.csv');
  ctx.progress(`score-10m: champion data synth --rows ${rows}`);
  for (const [file, n, seed] of [
    [train, 50_000, 3],
    [input, rows, 11],
  ] as const) {
    const synth = await run([
      'data',
      'synth',
      '--rows',
      String(n),
      '--seed',
      String(seed),
      '--out',
      file,
    ]);
    if (!synth.ok) throw new Error(`champion data synth failed: ${synth.error ?? ''}`);
  }
  ctx.progress(`score-10m: champion train ${NAME}`);
  const trained = await run([
    'train',
    '--data',
    train,
    '--target',
    'default',
    '--id-cols',
    'id',
    '--search',
    'quick',
    '--name',
    NAME,
  ]);
  if (!trained.ok) throw new Error(`champion train failed: ${trained.error ?? ''}`);

  ctx.progress(`score-10m: champion score ${rows} rows`);
  const scored = await timedJson<{
    rowsRead: number;
    rowsScored: number;
    rowsRejected: number;
    seconds: number;
    engine: string;
  }>({
    command: process.execPath,
    args: [
      ...cli,
      '--json',
      'score',
      '--model',
      `models:/${NAME}@champion`,
      '--input',
      input,
      '--output',
      output,
      '--keep',
      'id',
    ],
    env,
    cwd: ctx.repoRoot,
    stdoutTo: join(ctx.workDir, 'score-10m.json'),
  });
  if (scored.json === undefined) throw new Error(`champion score failed: ${scored.error ?? ''}`);
  const summary = scored.json;

  // A seeded row in each of SAMPLE equal strata: spread over every chunk of the file.
  let state = 20_241_130;
  const stride = Math.floor(rows / SAMPLE);
  const wanted = Array.from({ length: SAMPLE }, (_, k) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return k * stride + (state % stride);
  });
  ctx.progress('score-10m: reading the sampled rows of the input and the output');
  const [inputSample, outputSample] = await Promise.all([
    pickLines(input, wanted),
    pickLines(output, wanted),
  ]);
  if (outputSample.rows !== inputSample.rows || summary.rowsRejected !== 0) {
    throw new Error(
      `output has ${outputSample.rows} rows for ${inputSample.rows} input rows (${summary.rowsRejected} rejected)`,
    );
  }

  ctx.progress('score-10m: champion serve, and the sample through POST /predict');
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [...cli, 'serve', '--name', NAME, '--port', String(port)],
    {
      cwd: ctx.workDir,
      // No drain delay: nothing routes to this server but the bench, which stops it when done.
      env: {
        ...process.env,
        ...env,
        CHAMPION_CACHE_DIR: join(ctx.workDir, 'serve-cache'),
        CHAMPION_DRAIN_DELAY_MS: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let compared: { compared: number; mismatches: string[] };
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, server);
    compared = await compareWithPredict({ url, input: inputSample, output: outputSample });
  } finally {
    server.kill('SIGTERM');
  }
  if (compared.mismatches.length > 0) {
    throw new Error(
      `${compared.mismatches.length} of ${compared.compared} sampled rows differ from /predict:\n${compared.mismatches.slice(0, 5).join('\n')}`,
    );
  }
  const note = `${rows} rows from champion data synth; output rows = input rows (${outputSample.rows}); ${compared.compared} sampled rows equal POST /predict exactly; engine ${summary.engine}`;
  return {
    bench: 'score-10m',
    measurements: [
      {
        what: 'score 10M synthetic rows x 30 features: peak RSS',
        unit: 'MiB',
        ours: scored.peakMiB,
        peer: 500e6 / 2 ** 20,
        peerName: 'absolute target (500 MB = 476.8 MiB)',
        better: 'lower',
        target: 1,
        note: `${note}; ${Math.round(rows / scored.seconds).toLocaleString('en-US')} rows/s end to end`,
      },
    ],
  };
}
