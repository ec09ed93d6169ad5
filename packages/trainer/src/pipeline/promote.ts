/**
 * `champion promote`: the promotion gate run by hand on a registered version. The candidate and
 * the current champion are scored on the same rows (a held-out file the user names) through their
 * ONNX exports, and its fairness report checked against the rules its training recorded (or
 * given ones); `force` moves the alias whatever the gate says, and the tags record that it did.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, type TableSchema } from '@champion/tabular';
import type { MlflowClient } from 'mlflow-js-client';
import { encodeLabels } from '../data/encode.js';
import { TrainerError } from '../errors.js';
import { DEFAULT_GATE, type GateConfig } from '../gate/gate.js';
import { binaryMetrics } from '../metrics/index.js';
import { scoreCurrentChampion, type ChampionScore } from '../mlflow/champion-score.js';
import { runGate, type GateOutcome } from '../mlflow/promotion.js';
import type { FeatureSpec } from '../model/types.js';
import { checkOnnxSignature, inspectOnnx } from '../onnx/index.js';
import { OnnxScorer } from '../runtime/onnx-session.js';
import { rawColumns } from '../runtime/raw-columns.js';
import { recordedFairness } from './recorded-fairness.js';

export interface PromoteOptions {
  readonly client: MlflowClient;
  readonly name: string;
  readonly version: string;
  /** Held-out rows with the target column; required unless `force`. */
  readonly data?: string | undefined;
  readonly force?: boolean | undefined;
  /**
   * The gate; its fairness rules default to those the version's training recorded (`train
   * --max-equalized-odds-diff` ...), checked against the version's `champion/fairness.json`.
   */
  readonly gate?: GateConfig | undefined;
}

export async function promoteVersion(options: PromoteOptions): Promise<GateOutcome> {
  const { client, name, version } = options;
  if (!options.data && !options.force) {
    throw new TrainerError(
      'CONFIG',
      'promote needs --data FILE (held-out rows to score the candidate and the champion on), or --force',
    );
  }
  const registered = await client.registry.versions.get({ name, version });
  const dir = await mkdtemp(join(tmpdir(), 'champion-promote-'));
  try {
    await client.resolveModelUri(`models:/${name}/${version}`, join(dir, 'model'));
    const bytes = new Uint8Array(await readFile(join(dir, 'model', 'model.onnx')));
    const schema = JSON.parse(
      await readFile(join(dir, 'model', 'champion', 'schema.json'), 'utf8'),
    ) as TableSchema;
    const features: FeatureSpec[] = schema.features.map((f) => ({ name: f.name, kind: f.type }));
    const schemaProblems = checkOnnxSignature(inspectOnnx(bytes), features).map(
      (p) => `${p.path}: ${p.problem}`,
    );
    const parityTag = registered.tags.find(
      (t) => t.key === 'champion.gate.parity_max_abs_diff',
    )?.value;
    const parity = {
      maxAbsDiff: parityTag === undefined ? Number.POSITIVE_INFINITY : Number(parityTag),
      tolerance: 1e-5,
    };
    const fairness = await recordedFairness({
      client,
      runId: registered.run_id ?? undefined,
      modelDir: join(dir, 'model'),
      given: options.gate?.fairness,
    });
    let metrics: Record<string, number> = {};
    let scoreChampion = (): Promise<ChampionScore | undefined> => Promise.resolve(undefined);
    if (options.data) {
      const { table } = await readTable(options.data, {
        columnTypes: Object.fromEntries(schema.features.map((f) => [f.name, f.type])),
      });
      const labels = encodeLabels({ table, schema });
      const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
      const scorer = await OnnxScorer.create(bytes, features);
      try {
        const scored = await scorer.score(rawColumns({ table, features, rows }));
        metrics = binaryMetrics({ labels, probs: scored.probability });
      } finally {
        await scorer.release();
      }
      // Called again by the gate if @champion moves while it waits for the promotion lease.
      scoreChampion = () => scoreCurrentChampion({ client, name, table, rows, labels });
    }
    return await runGate({
      client,
      version: { name, version },
      actor: options.force ? 'champion promote --force' : 'champion promote',
      config: { ...(options.gate ?? DEFAULT_GATE), fairness: fairness.rules },
      force: options.force === true,
      input: {
        candidate: { version, metrics },
        parity,
        schemaProblems,
        fairness: fairness.report,
      },
      scoreChampion,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
