/**
 * Scores the current `@champion` on the candidate's test rows, so the gate compares both models
 * on the same held-out data. Any failure (a feature the data lacks, an unreadable artifact) is
 * returned as a reason, never thrown: the gate then refuses with that reason.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNotFound, type MlflowClient } from 'mlflow-js-client';
import type { Table } from '@champion/tabular';
import { binaryMetrics } from '../metrics/index.js';
import type { FeatureSpec } from '../model/types.js';
import { inspectOnnx } from '../onnx/index.js';
import { OnnxScorer } from '../runtime/onnx-session.js';
import { rawColumns } from '../runtime/raw-columns.js';

export type ChampionScore =
  | { readonly version: string; readonly metrics: Readonly<Record<string, number>> }
  | { readonly version: string; readonly error: string };

export async function scoreCurrentChampion(options: {
  client: MlflowClient;
  name: string;
  table: Table;
  rows: Uint32Array;
  labels: Uint8Array;
}): Promise<ChampionScore | undefined> {
  const { client, name } = options;
  let version: string;
  try {
    version = (await client.registry.aliases.getVersion({ name, alias: 'champion' })).version;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const dir = await mkdtemp(join(tmpdir(), 'champion-current-'));
  try {
    await client.resolveModelUri(`models:/${name}/${version}`, join(dir, 'model'));
    const bytes = new Uint8Array(await readFile(join(dir, 'model', 'model.onnx')));
    const info = inspectOnnx(bytes);
    const features: FeatureSpec[] = info.inputs.map((input) => ({
      name: input.name,
      // TensorProto.DataType STRING = 8.
      kind: input.elemType === 8 ? 'categorical' : 'numeric',
    }));
    const scorer = await OnnxScorer.create(bytes, features);
    try {
      const raw = rawColumns({ table: options.table, features, rows: options.rows });
      const scored = await scorer.score(raw);
      return {
        version,
        metrics: binaryMetrics({ labels: options.labels, probs: scored.probability }),
      };
    } finally {
      await scorer.release();
    }
  } catch (error) {
    return { version, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
