/**
 * What explanations cost: `pnpm champion score` on the same rows and the same registered model
 * (the score bench's), with and without `--explain top3` (TreeSHAP of every row, on the main
 * thread through the chunked path). Rows/s are the runs' own figures (read, score, explain,
 * write; no start-up). Its peer: shap's TreeExplainer on the same trees and rows (explain-peer.ts).
 */
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import type { BenchReport, Measurement } from '../report.js';
import { explainPeerMeasurement } from './explain-peer.js';
import { benchScoreModel, resample } from './score.js';
import { timedJson } from './timed.js';

interface Summary {
  readonly rowsScored: number;
  readonly rowsPerSecond: number;
  readonly engine: string;
}

export async function benchExplain(ctx: BenchContext): Promise<BenchReport> {
  const rows = Math.round(20_000 * ctx.scale);
  const { uri, data, env, champion } = await benchScoreModel(ctx);
  const input = join(ctx.workDir, 'explain-rows.csv');
  await resample({ source: data.path, target: data.target, rows, out: input });
  const run = async (explain: boolean): Promise<Summary> => {
    const tag = explain ? 'explained' : 'plain';
    ctx.progress(`explain: pnpm champion score${explain ? ' --explain top3' : ''} (${rows} rows)`);
    const args = [
      'score',
      '--model',
      uri,
      '--input',
      input,
      '--output',
      join(ctx.workDir, `explain-${tag}.csv`),
      '--json',
    ];
    const result = await timedJson<Summary>({
      ...champion(explain ? [...args, '--explain', 'top3'] : args),
      env,
      cwd: ctx.repoRoot,
      stdoutTo: join(ctx.workDir, `explain-${tag}.json`),
    });
    if (result.json === undefined) throw new Error(`champion score failed: ${result.error ?? ''}`);
    return result.json;
  };
  const plain = await run(false);
  const explained = await run(true);
  const peer = await explainPeerMeasurement(ctx, { uri, csv: input });
  if ('skipped' in peer) ctx.progress(`explain: no shap peer figure: ${peer.skipped}`);
  const versusShap: Measurement[] = 'skipped' in peer ? [] : [peer];
  return {
    bench: 'explain',
    measurements: [
      ...versusShap,
      {
        what: `score ${rows} rows with --explain top3 (TreeSHAP) vs without`,
        unit: 'rows/s',
        ours: explained.rowsPerSecond,
        peer: plain.rowsPerSecond,
        peerName: `champion score without explanations (${plain.engine})`,
        better: 'higher',
        note: 'advantage < 1: the share of plain throughput left with explanations',
      },
    ],
  };
}
