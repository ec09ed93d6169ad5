/**
 * The explain bench's peer: the Python `shap` package's TreeExplainer (tree_path_dependent, its
 * C++ TreeSHAP) on the same trees (the registered model's champion/explainer.json, handed over as
 * shap's custom-tree dicts) and the same rows, against champion's explainer in this process. Both
 * sides time the explanation alone (trees loaded, rows in memory). Categorical splits have no
 * shap custom-tree form: a model with categorical features gets no peer figure.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildExplainer,
  explainBatch,
  parseExplainerFile,
  type ExplainerFile,
} from '@champion/runtime';
import { shapPeerInput } from '@champion/runtime/test-support';
import { readTable } from '@champion/tabular';
import { MlflowClient } from 'mlflow-js-client';
import type { BenchContext } from '../context.js';
import { runPython } from '../context.js';
import type { Measurement } from '../report.js';

type TreeFile = Extract<ExplainerFile, { kind: 'trees' }>;

interface ShapTiming {
  readonly seconds: number;
  readonly rows: number;
  readonly shap_version: string;
}

/** The registered model's explainer file (downloaded next to the bench's other files). */
async function registeredExplainer(ctx: BenchContext, uri: string): Promise<ExplainerFile> {
  const client = new MlflowClient({ trackingUri: ctx.trackingUri });
  try {
    const dest = join(ctx.workDir, 'explain-model');
    await mkdir(dest, { recursive: true });
    const resolved = await client.resolveModelUri(uri, dest, { skip: ['plots'] });
    const text = await readFile(join(resolved.localPath, 'champion', 'explainer.json'), 'utf8');
    return parseExplainerFile(text);
  } finally {
    await client.close();
  }
}

/** The CSV's rows as the explainer's numeric features (NaN = missing), row-major. */
async function featureRows(file: TreeFile, csv: string): Promise<number[][]> {
  const { table } = await readTable(csv);
  const columns = file.features.map((f) => {
    const column = table.columns.find((c) => c.name === f.name);
    if (column?.kind !== 'numeric')
      throw new Error(
        `${csv}: the explainer's numeric feature '${f.name}' is not a numeric column`,
      );
    return column.values;
  });
  return Array.from({ length: table.rowCount }, (_, r) => columns.map((c) => c[r] ?? NaN));
}

/** Champion's explainer vs shap's TreeExplainer on the same trees and rows, or why there is none. */
export async function explainPeerMeasurement(
  ctx: BenchContext,
  options: { readonly uri: string; readonly csv: string },
): Promise<Measurement | { readonly skipped: string }> {
  const file = await registeredExplainer(ctx, options.uri);
  if (file.kind !== 'trees') return { skipped: 'the model is linear (no TreeSHAP)' };
  if (file.features.some((f) => f.type !== 'numeric'))
    return { skipped: 'the model has categorical features (shap custom trees cannot split them)' };
  const rows = await featureRows(file, options.csv);
  const input = join(ctx.workDir, 'explain-shap-input.json');
  await writeFile(input, JSON.stringify(shapPeerInput(file, rows)));
  ctx.progress(`explain: shap.TreeExplainer on ${rows.length} rows`);
  const theirs = await runPython<ShapTiming>({
    python: ctx.python,
    args: [
      join(ctx.repoRoot, 'packages/runtime/test/python/shap_tree_path.py'),
      input,
      '--time-only',
    ],
  });
  ctx.progress(`explain: champion's explainer on the same ${rows.length} rows`);
  const columns = file.features.map((_, f) => Float32Array.from(rows, (r) => r[f] ?? NaN));
  const explainer = buildExplainer(file);
  const start = performance.now();
  await explainBatch(explainer, { rows: rows.length, columns });
  const seconds = (performance.now() - start) / 1000;
  return {
    what: `TreeSHAP of ${rows.length} rows, ${file.trees.length} trees (explanation alone, in memory)`,
    unit: 'rows/s',
    ours: rows.length / seconds,
    peer: theirs.rows / theirs.seconds,
    peerName: `shap ${theirs.shap_version} TreeExplainer (tree_path_dependent)`,
    better: 'higher',
  };
}
