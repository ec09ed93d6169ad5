/**
 * champion side of the learner benches, in its own process so its peak memory is its own.
 * Usage: fit.ts SPEC.json OUT.json — reads the spec (see python/peers_train.py), trains, writes
 * the split it used into OUT.json (for the peers) along with AUCs, times and peak RSS.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { inferSchema, readTable } from '@champion/tabular';
import {
  encodeDataset,
  featureSpecs,
  predictGbdt,
  predictLogReg,
  prepareData,
  rocAucScore,
  trainGbdt,
  trainLogReg,
  type GbdtParams,
} from '@champion/trainer';

interface Spec {
  csv: string;
  target: string;
  positive: string;
  drop: string[];
  categorical: string[];
  mode: 'quality' | 'speed';
  gbdt?: Partial<GbdtParams>;
  logreg?: { C: number; max_iter?: number } | null;
  seed: number;
}

const rss = (): number => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [specPath, outPath] = process.argv.slice(2);
  if (!specPath || !outPath) throw new Error('usage: fit.ts SPEC.json OUT.json');
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as Spec;
  const t0 = performance.now();
  if (spec.mode === 'speed') {
    const read = await readTable(spec.csv);
    const schema = inferSchema(read.table, {
      target: spec.target,
      positive: spec.positive,
      idColumns: spec.drop,
    });
    const features = featureSpecs({ table: read.table, schema });
    const data = encodeDataset({ table: read.table, schema, features });
    const readSeconds = (performance.now() - t0) / 1000;
    const readRss = rss();
    const t1 = performance.now();
    trainGbdt(data, { params: spec.gbdt ?? {}, seed: spec.seed });
    const seconds = (performance.now() - t1) / 1000;
    const all = Array.from({ length: data.rowCount }, (_, i) => i);
    await writeFile(
      outPath,
      JSON.stringify({
        split: { train: all, validation: [], test: [] },
        categorical: features.filter((f) => f.kind === 'categorical').map((f) => f.name),
        gbdt: { seconds, readSeconds, readRss, peakRss: rss() },
      }),
    );
    return;
  }
  const data = await prepareData({
    path: spec.csv,
    target: spec.target,
    positive: spec.positive,
    idColumns: spec.drop,
    categorical: spec.categorical,
    seed: spec.seed,
  });
  const out: Record<string, unknown> = {
    split: {
      train: [...data.rows.train],
      validation: [...data.rows.validation],
      test: [...data.rows.test],
    },
    categorical: data.features.filter((f) => f.kind === 'categorical').map((f) => f.name),
  };
  if (spec.gbdt) {
    const t1 = performance.now();
    const model = trainGbdt(data.train, { params: spec.gbdt, valid: data.valid, seed: spec.seed });
    const seconds = (performance.now() - t1) / 1000;
    const auc = rocAucScore({ labels: data.test.labels, probs: predictGbdt(model, data.test) });
    out['gbdt'] = {
      auc,
      seconds,
      trees: model.trees.length,
      bestIteration: model.bestIteration,
      peakRss: rss(),
    };
  }
  if (spec.logreg) {
    const t1 = performance.now();
    const model = trainLogReg(data.train, { params: spec.logreg });
    const seconds = (performance.now() - t1) / 1000;
    const auc = rocAucScore({ labels: data.test.labels, probs: predictLogReg(model, data.test) });
    out['logreg'] = { auc, seconds };
  }
  await writeFile(outPath, JSON.stringify(out));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
