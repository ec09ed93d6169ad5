/**
 * Learner quality and speed, side by side with the peers a data scientist would use:
 * - quality: test ROC AUC of our GBDT vs LightGBM and of our logistic regression vs
 *   scikit-learn, same rows, same split, equivalent parameters, on the real credit datasets;
 * - speed: GBDT training wall time and peak memory on 1,000,000 x 30 synthetic rows
 *   (100 trees, 31 leaves, max_bin 255) vs LightGBM on 2 threads.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSynthCsv } from '@champion/tabular';
import { runPython, runTsWorker, type BenchContext } from '../context.js';
import type { BenchReport, Measurement } from '../report.js';

interface Dataset {
  readonly file: string;
  readonly target: string;
  readonly positive: string;
  readonly drop: readonly string[];
  readonly categorical: readonly string[];
}

const DATASETS: readonly Dataset[] = [
  {
    file: 'uci_credit_default.csv',
    target: 'default.payment.next.month',
    positive: '1',
    drop: ['ID'],
    categorical: [],
  },
  {
    file: 'credit_data.csv',
    target: 'Status',
    positive: 'bad',
    drop: ['rownames'],
    categorical: [],
  },
];

/** LightGBM names; ours accepts the same. Early stopping on the validation split for both. */
const GBDT_QUALITY = {
  num_leaves: 31,
  learning_rate: 0.05,
  n_estimators: 1000,
  early_stopping_rounds: 50,
  min_data_in_leaf: 20,
  max_bin: 255,
  lambda_l2: 0,
};

const GBDT_SPEED = {
  num_leaves: 31,
  learning_rate: 0.1,
  n_estimators: 100,
  max_bin: 255,
  min_data_in_leaf: 20,
};

interface OursOut {
  split: unknown;
  categorical?: string[];
  gbdt?: { auc?: number; seconds: number; peakRss: number; readSeconds?: number };
  logreg?: { auc: number; seconds: number };
}

interface PeerOut {
  lightgbm?: { auc: number; seconds: number; peak_rss_mb: number };
  sklearn_logreg?: { auc: number; seconds: number };
  read_rss_mb: number;
}

async function runBoth(
  ctx: BenchContext,
  spec: Record<string, unknown>,
  tag: string,
): Promise<{ ours: OursOut; peer: PeerOut }> {
  const specPath = join(ctx.workDir, `${tag}-spec.json`);
  const oursPath = join(ctx.workDir, `${tag}-ours.json`);
  await writeFile(specPath, JSON.stringify(spec));
  await runTsWorker({
    repoRoot: ctx.repoRoot,
    script: 'packages/bench/src/workers/fit.ts',
    args: [specPath, oursPath],
  });
  const ours = JSON.parse(await readFile(oursPath, 'utf8')) as OursOut;
  // The peers get exactly our split and our categorical columns.
  const peerSpec = join(ctx.workDir, `${tag}-peer.json`);
  await writeFile(
    peerSpec,
    JSON.stringify({ ...spec, split: ours.split, categorical: ours.categorical ?? [] }),
  );
  const peer = await runPython<PeerOut>({
    python: ctx.python,
    args: [join(ctx.repoRoot, 'packages/bench/python/peers_train.py'), peerSpec],
  });
  return { ours, peer };
}

async function quality(ctx: BenchContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  if (!ctx.dataDir) {
    ctx.progress('learners: data/ is absent; skipping the real-data quality comparison');
    return out;
  }
  for (const d of DATASETS) {
    const csv = join(ctx.dataDir, d.file);
    if (!existsSync(csv)) {
      ctx.progress(`learners: ${csv} is absent; skipped`);
      continue;
    }
    ctx.progress(`learners: ${d.file}: GBDT vs LightGBM, logistic regression vs scikit-learn`);
    const spec = {
      csv,
      target: d.target,
      positive: d.positive,
      drop: d.drop,
      categorical: d.categorical,
      mode: 'quality',
      seed: 42,
      gbdt: GBDT_QUALITY,
      logreg: { C: 1, max_iter: 500 },
      threads: 2,
    };
    const { ours, peer } = await runBoth(ctx, spec, d.file);
    if (ours.gbdt?.auc !== undefined && peer.lightgbm) {
      out.push({
        what: `${d.file} GBDT test ROC AUC`,
        unit: 'AUC',
        ours: ours.gbdt.auc,
        peer: peer.lightgbm.auc,
        peerName: 'lightgbm',
        better: 'higher',
        note: `diff ${(ours.gbdt.auc - peer.lightgbm.auc).toFixed(4)} (target within 0.005)`,
      });
      out.push({
        what: `${d.file} GBDT fit time`,
        unit: 's',
        ours: ours.gbdt.seconds,
        peer: peer.lightgbm.seconds,
        peerName: 'lightgbm',
        better: 'lower',
      });
    }
    if (ours.logreg && peer.sklearn_logreg) {
      out.push({
        what: `${d.file} logreg test ROC AUC`,
        unit: 'AUC',
        ours: ours.logreg.auc,
        peer: peer.sklearn_logreg.auc,
        peerName: 'scikit-learn',
        better: 'higher',
        note: `diff ${(ours.logreg.auc - peer.sklearn_logreg.auc).toFixed(4)} (target within 0.005)`,
      });
      out.push({
        what: `${d.file} logreg fit time`,
        unit: 's',
        ours: ours.logreg.seconds,
        peer: peer.sklearn_logreg.seconds,
        peerName: 'scikit-learn',
        better: 'lower',
      });
    }
  }
  return out;
}

async function speed(ctx: BenchContext): Promise<Measurement[]> {
  const rows = Math.round(1_000_000 * ctx.scale);
  const csv = join(ctx.workDir, `synth-${rows}.csv`);
  ctx.progress(`learners: writing ${rows} synthetic rows x 30 features`);
  await writeSynthCsv({ rows, seed: 1, out: csv });
  ctx.progress(
    `learners: GBDT training speed on ${rows} rows (100 trees, 31 leaves, max_bin 255) vs LightGBM on 2 threads`,
  );
  const spec = {
    csv,
    target: 'default',
    positive: '1',
    drop: ['id'],
    categorical: [],
    mode: 'speed',
    seed: 1,
    gbdt: GBDT_SPEED,
    logreg: null,
    threads: 2,
  };
  const { ours, peer } = await runBoth(ctx, spec, 'speed');
  if (!ours.gbdt || !peer.lightgbm) return [];
  return [
    {
      what: `GBDT fit ${rows} x 30, 100 trees`,
      unit: 's',
      ours: ours.gbdt.seconds,
      peer: peer.lightgbm.seconds,
      peerName: 'lightgbm (2 threads)',
      better: 'lower',
      target: 1 / 3,
      note: 'target: at most 3x LightGBM',
    },
    {
      what: `peak RSS, read + fit ${rows} x 30`,
      unit: 'MB',
      ours: ours.gbdt.peakRss,
      peer: peer.lightgbm.peak_rss_mb,
      peerName: 'lightgbm + pandas',
      better: 'lower',
    },
  ];
}

export async function benchLearners(ctx: BenchContext): Promise<BenchReport> {
  return { bench: 'learners', measurements: [...(await quality(ctx)), ...(await speed(ctx))] };
}
