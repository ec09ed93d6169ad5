/**
 * The monitor's production path in `pnpm bench monitor`: the current side is the inference store
 * (every record a service scored: the current CSV's rows written as served records, 30 features,
 * a probability each) and the reference is a model's stored reference (`champion/reference.json`
 * built from the reference CSV, as the trainer builds it), read by `champion monitor drift
 * --reference reference.json --current store`. Timed as a whole process like the file path.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openInferenceStore, type FeatureValue } from '@champion/inference-store';
import { buildReference, readTable, type Table } from '@champion/tabular';
import type { BenchContext } from '../context.js';
import { timedJson, type Timed } from './timed.js';

const NOT_FEATURES = new Set(['id', 'default']);

/** A made-up but deterministic probability per row (the bench measures drift, not a model). */
function probability(i: number): number {
  return ((i * 2654435761) % 1000) / 1000;
}

function features(table: Table, row: number): Record<string, FeatureValue> {
  const out: Record<string, FeatureValue> = {};
  for (const column of table.columns) {
    if (NOT_FEATURES.has(column.name)) continue;
    if (column.kind === 'numeric') {
      const v = column.values[row] ?? NaN;
      out[column.name] = Number.isNaN(v) ? null : v;
    } else {
      const code = column.codes[row] ?? -1;
      out[column.name] = code < 0 ? null : (column.dictionary[code] ?? null);
    }
  }
  return out;
}

/** Writes the model reference of `csv` (with scores) to `<dir>/reference.json`. */
async function writeReference(csv: string, dir: string): Promise<string> {
  const { table } = await readTable(csv);
  const columns = table.columns.map((c) => c.name).filter((n) => !NOT_FEATURES.has(n));
  const probabilities = Float64Array.from({ length: table.rowCount }, (_, i) => probability(i));
  const reference = buildReference(table, { columns, scores: { probabilities, threshold: 0.5 } });
  const path = join(dir, 'reference.json');
  await writeFile(path, JSON.stringify(reference));
  return path;
}

/** Writes every row of `csv` to a directory store as a served record. */
async function writeStore(csv: string, dir: string): Promise<void> {
  const { table } = await readTable(csv);
  const store = await openInferenceStore({
    setting: dir,
    limits: { maxTotalBytes: 64 * 1024 ** 3 },
  });
  try {
    for (let i = 0; i < table.rowCount; i++) {
      const p = probability(i + 7);
      store.append([
        {
          requestId: `bench-${i}`,
          model: 'bench',
          version: '1',
          features: features(table, i),
          probability: p,
          label: p >= 0.5 ? '1' : '0',
          classes: ['0', '1'],
        },
      ]);
      if (i % 50_000 === 0) await store.flush();
    }
  } finally {
    await store.close();
  }
}

type DriftJson = { readonly share: number; readonly columns: readonly unknown[] };

export async function timeStoreDrift(
  ctx: BenchContext,
  files: { reference: string; current: string },
): Promise<Timed & { readonly json?: DriftJson }> {
  ctx.progress('monitor: building the model reference and writing the current rows to a store');
  const reference = await writeReference(files.reference, ctx.workDir);
  const store = join(ctx.workDir, 'monitor-store');
  await writeStore(files.current, store);
  ctx.progress('monitor: pnpm champion monitor drift --current store');
  return timedJson<DriftJson>({
    command: 'pnpm',
    args: ['champion', 'monitor', 'drift', '--reference', reference, '--current', 'store'].concat([
      '--store',
      store,
      '--name',
      'bench',
      '--json',
    ]),
    env: { LOG_LEVEL: 'warn' },
    cwd: ctx.repoRoot,
    stdoutTo: join(ctx.workDir, 'monitor-store.json'),
  });
}
