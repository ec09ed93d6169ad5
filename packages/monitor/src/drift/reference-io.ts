/**
 * Reads a drift reference: `champion/reference.json` of a model folder (local, or downloaded from
 * MLflow for `models:/NAME@ALIAS`), validated with zod, into the engine's {@link DatasetData}.
 */
import { readFile, stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE_FORMAT, type DriftReference } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { z } from 'zod';
import type { ColumnData, DatasetData } from './column-data.js';
import { DriftError } from './errors.js';
import type { WeightedSample } from './stats/sample.js';

export const REFERENCE_FILE = 'champion/reference.json';
/** Key under which a capped categorical reference counts its other categories. */
export const OTHER_CATEGORIES = '\u0000other';

const counts = z.array(z.number().nonnegative());
const numeric = z.object({
  name: z.string(),
  kind: z.literal('numeric'),
  storage: z.enum(['int', 'float']),
  rows: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  values: z.array(z.number()),
  counts,
  exact: z.boolean(),
});
const categorical = z.object({
  name: z.string(),
  kind: z.literal('categorical'),
  rows: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  categories: z.record(z.string(), z.number().nonnegative()),
  otherCount: z.number().nonnegative(),
  exact: z.boolean(),
});
const referenceSchema = z.object({
  format: z.literal(REFERENCE_FORMAT),
  version: z.literal(1),
  rowsFrom: z.string(),
  rows: z.number().int().nonnegative(),
  maxDistinct: z.number().int().positive(),
  columns: z.array(z.discriminatedUnion('kind', [numeric, categorical])),
  scores: z
    .object({
      values: z.array(z.number()),
      counts,
      exact: z.boolean(),
      positiveRate: z.number(),
      threshold: z.number(),
    })
    .optional(),
});

/** A reference as the engine uses it, with the model's scores when it has them. */
export interface LoadedReference {
  readonly data: DatasetData;
  readonly scores?: WeightedSample;
  readonly positiveRate?: number;
  readonly threshold?: number;
  readonly source: string;
  /** Columns stored as capped sketches (their figures are approximate). */
  readonly inexact: readonly string[];
}

function weighted(values: number[], weights: number[], what: string): WeightedSample {
  if (values.length !== weights.length) {
    throw new DriftError({
      code: 'BAD_REFERENCE',
      message: `${what}: values and counts differ in length`,
    });
  }
  for (let i = 1; i < values.length; i++) {
    if (!((values[i] ?? NaN) > (values[i - 1] ?? NaN))) {
      throw new DriftError({
        code: 'BAD_REFERENCE',
        message: `${what}: values are not strictly ascending at index ${i}`,
      });
    }
  }
  let total = 0;
  for (const w of weights) total += w;
  return { values: Float64Array.from(values), counts: Float64Array.from(weights), total };
}

function toColumn(column: DriftReference['columns'][number], source: string): ColumnData {
  if (column.kind === 'numeric') {
    const sample = weighted(column.values, column.counts, `${source} column ${column.name}`);
    return {
      name: column.name,
      kind: 'numeric',
      storage: column.storage,
      rows: column.rows,
      missing: column.missing,
      sample,
    };
  }
  const map = new Map(Object.entries(column.categories));
  if (column.otherCount > 0) map.set(OTHER_CATEGORIES, column.otherCount);
  let total = 0;
  for (const c of map.values()) total += c;
  return {
    name: column.name,
    kind: 'categorical',
    storage: 'object',
    rows: column.rows,
    missing: column.missing,
    categories: { counts: map, total, numeric: false },
  };
}

/** Validates a parsed reference document and converts it. */
export function referenceFromDocument(document: unknown, source: string): LoadedReference {
  const parsed = referenceSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DriftError({
      code: 'BAD_REFERENCE',
      message:
        `${source} is not a champion drift reference: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    });
  }
  const doc = parsed.data as DriftReference;
  const { scores } = doc;
  return {
    data: { rows: doc.rows, columns: doc.columns.map((c) => toColumn(c, source)) },
    ...(scores === undefined
      ? {}
      : {
          scores: weighted(scores.values, scores.counts, `${source} scores`),
          positiveRate: scores.positiveRate,
          threshold: scores.threshold,
        }),
    source,
    inexact: doc.columns.filter((c) => !c.exact).map((c) => c.name),
  };
}

/** Reads `champion/reference.json` of a model folder (or a reference.json file itself). */
export async function readModelReference(path: string, label = path): Promise<LoadedReference> {
  const isDir = (await stat(path)).isDirectory();
  const file = isDir ? join(path, REFERENCE_FILE) : path;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DriftError({
      code: 'NO_REFERENCE',
      message:
        `${label} has no drift reference (${REFERENCE_FILE}; models trained before it was stored ` +
        'have none). Pass the reference data instead: --reference FILE (CSV or Parquet, e.g. the training data).',
      cause: error,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new DriftError({
      code: 'BAD_REFERENCE',
      message: `${file} is not valid JSON`,
      cause: error,
    });
  }
  return referenceFromDocument(document, label);
}

/** Downloads the reference of a registered model (`models:/NAME@ALIAS`, `models:/NAME/VERSION`). */
export async function downloadModelReference(
  uri: string,
  client: MlflowClient,
): Promise<LoadedReference> {
  const temp = await mkdtemp(join(tmpdir(), 'champion-drift-'));
  try {
    const resolved = await client.resolveModelUri(uri, join(temp, 'model'), {
      skip: [
        'model.onnx',
        'plots',
        'code',
        'champion/profile.json',
        'conda.yaml',
        'python_env.yaml',
        'requirements.txt',
      ],
    });
    return await readModelReference(resolved.localPath, uri);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
