/**
 * `pnpm bench [NAME...] [--quick] [--out FILE]`: runs the benchmarks side by side with the peers a
 * user would pick, prints a table of ratios on stdout and writes the results as JSON.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureVenv, findFreePort, findRepoRoot, startMlflowServer } from '@champion/mlflow-server';
import { BENCHES } from './benches/index.js';
import type { BenchContext } from './context.js';
import { formatTable, type BenchReport } from './report.js';

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      list: { type: 'boolean', default: false },
    },
  });
  if (values.list) {
    for (const b of BENCHES) process.stdout.write(`${b.name.padEnd(20)} ${b.description}\n`);
    return;
  }
  const unknown = positionals.filter((p) => !BENCHES.some((b) => b.name === p));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`,
    );
  }
  const selected =
    positionals.length > 0 ? BENCHES.filter((b) => positionals.includes(b.name)) : BENCHES;

  const repoRoot = findRepoRoot();
  const requirements = await readFile(join(repoRoot, 'packages/bench/requirements.txt'), 'utf8');
  const pins = requirements
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  progress('preparing the peers venv (.venv-bench)');
  const peers = await ensureVenv({ repoRoot, venvDir: join(repoRoot, '.venv-bench'), pins });

  const workDir = await mkdtemp(join(tmpdir(), 'champion-bench-'));
  let trackingUri = process.env['MLFLOW_TRACKING_URI'];
  let stop: (() => Promise<void>) | undefined;
  if (!trackingUri) {
    const server = await startMlflowServer({
      mlflow: (await ensureVenv({ repoRoot })).mlflow,
      port: await findFreePort(),
      storeDir: join(workDir, 'mlruns'),
    });
    trackingUri = server.url;
    stop = () => server.stop();
    progress(`MLflow server for the benches: ${trackingUri}`);
  }
  const dataDir = join(repoRoot, 'data');
  const ctx: BenchContext = {
    repoRoot,
    python: peers.python,
    mlflow: peers.mlflow,
    trackingUri,
    workDir,
    dataDir: existsSync(dataDir) ? dataDir : undefined,
    scale: values.quick ? 0.1 : 1,
    progress,
  };
  const reports: BenchReport[] = [];
  const failures: { bench: string; error: string }[] = [];
  try {
    for (const bench of selected) {
      progress(`running ${bench.name}: ${bench.description}`);
      try {
        reports.push(await bench.run(ctx));
      } catch (error) {
        // One failing bench must not hide the others' results.
        const message = error instanceof Error ? error.message : String(error);
        progress(`${bench.name} FAILED: ${message}`);
        failures.push({ bench: bench.name, error: message });
      }
    }
  } finally {
    await stop?.();
    await rm(workDir, { recursive: true, force: true });
  }
  process.stdout.write(`${formatTable(reports)}\n`);
  const out =
    values.out ??
    join(repoRoot, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(join(out, '..'), { recursive: true });
  const machine = {
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    scale: ctx.scale,
  };
  await writeFile(out, `${JSON.stringify({ machine, reports, failures }, null, 2)}\n`);
  progress(`results written to ${out}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  progress(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
