/**
 * Drift on 1M current rows vs 1M reference rows × 30 features (`champion data synth`, two seeds):
 * `pnpm champion monitor drift` (the whole CLI process: reading both CSVs, the tests, the report)
 * vs Evidently 0.7 reading the same CSVs with pandas and running its DataDriftPreset. Each side
 * is its own process under /usr/bin/time; peak RSS is the process's own. Both must agree on the
 * drifted share. Then the production path (monitor-store.ts): the model's stored reference
 * against the same current rows read from an inference store.
 */
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import type { BenchContext } from '../context.js';
import type { BenchReport } from '../report.js';
import { timeStoreDrift } from './monitor-store.js';
import { timed, timedJson } from './timed.js';

/** The synthetic data's id and target: not features, left out on both sides. */
const NOT_FEATURES = 'id,default';

interface DriftSummary {
  readonly share: number;
  readonly columns: readonly unknown[];
}

export async function benchMonitor(ctx: BenchContext): Promise<BenchReport> {
  const rows = Math.round(1_000_000 * ctx.scale);
  const reference = join(ctx.workDir, 'monitor-reference.csv');
  const current = join(ctx.workDir, 'monitor-current.csv');
  ctx.progress(`monitor: writing ${rows} reference and ${rows} current rows`);
  await writeSynthCsv({ rows, seed: 11, out: reference });
  await writeSynthCsv({ rows, seed: 12, out: current });
  ctx.progress('monitor: pnpm build (so `pnpm champion` finds dist/ up to date)');
  const built = await timed({ command: 'pnpm', args: ['-s', 'build'], cwd: ctx.repoRoot });
  if (!built.ok) throw new Error(`pnpm build failed: ${built.error ?? ''}`);

  ctx.progress('monitor: pnpm champion monitor drift');
  const ours = await timedJson<DriftSummary>({
    command: 'pnpm',
    args: [
      'champion',
      'monitor',
      'drift',
      '--reference',
      reference,
      '--current',
      current,
      '--exclude',
      NOT_FEATURES,
      '--json',
    ],
    env: { LOG_LEVEL: 'warn' },
    cwd: ctx.repoRoot,
    stdoutTo: join(ctx.workDir, 'monitor-ours.json'),
  });
  if (ours.json === undefined)
    throw new Error(`champion monitor drift failed: ${ours.error ?? ''}`);

  ctx.progress('monitor: Evidently DataDriftPreset over pandas');
  const peer = await timedJson<DriftSummary & { seconds: number }>({
    command: ctx.python,
    args: [
      join(ctx.repoRoot, 'packages/monitor/test/evidently_drift.py'),
      reference,
      current,
      '--exclude',
      NOT_FEATURES,
    ],
    cwd: ctx.workDir,
    stdoutTo: join(ctx.workDir, 'monitor-evidently.json'),
  });
  if (peer.json === undefined) throw new Error(`Evidently failed: ${peer.error ?? ''}`);
  const store = await timeStoreDrift(ctx, { reference, current });
  if (store.json === undefined)
    throw new Error(`champion monitor drift --current store failed: ${store.error ?? ''}`);
  const agree = Math.abs(ours.json.share - peer.json.share) < 1e-12;
  const what = `drift ${rows.toLocaleString('en-US')} vs ${rows.toLocaleString('en-US')} rows × ${ours.json.columns.length} features`;
  return {
    bench: 'monitor',
    measurements: [
      {
        what: `${what}, whole process`,
        unit: 's',
        ours: ours.seconds,
        peer: peer.seconds,
        peerName: 'Evidently 0.7 DataDriftPreset (pandas read_csv + run)',
        better: 'lower',
        target: 20,
        note: `drifted share ${ours.json.share} vs Evidently ${peer.json.share}${agree ? ' (same)' : ' (DIFFERENT)'}`,
      },
      {
        what: `${what}, peak RSS`,
        unit: 'MiB',
        ours: ours.peakMiB,
        peer: peer.peakMiB,
        peerName: 'Evidently 0.7 DataDriftPreset',
        better: 'lower',
        note: 'acceptance: champion < 1024 MiB',
      },
      {
        what: `${what}, model reference vs the inference store`,
        unit: 's',
        ours: store.seconds,
        peer: peer.seconds,
        peerName: 'Evidently 0.7 DataDriftPreset on the CSVs (same run)',
        better: 'lower',
        note: `peak RSS ${store.peakMiB.toFixed(0)} MiB; drifted share ${store.json.share}`,
      },
    ],
  };
}
