/**
 * Test fixtures for any package's tests (`@champion/trainer/test-support`): real champion model
 * folders, trained by the trainer's learners, exported by its ONNX exporter and written by its
 * one model-folder writer (writeModelDir), so a fixture is what `champion train` logs. Packages
 * that serve or score models use it from their tests only; their sources never import the trainer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaFacts, writeSynthCsv } from '@champion/tabular';
import { writeModelDir } from '../artifact/model-dir.js';
import { signatureTypes } from '../artifact/signature.js';
import { prepareData } from '../pipeline/prepare.js';
import { trainGbdt } from '../learners/gbdt/index.js';
import { trainLogReg } from '../learners/logreg/index.js';
import { exportOnnx } from '../onnx/index.js';
import { buildExplainerDoc } from '../explain/explainer-doc.js';

/** A fresh temp directory, removed by the returned cleanup. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface FixtureOptions {
  /** Where to write the folder (created). */
  readonly dir: string;
  /** @default 20 */
  readonly trees?: number;
  /** @default 1500 */
  readonly rows?: number;
  /** @default 0.5 */
  readonly threshold?: number;
  /** @default 3 */
  readonly seed?: number;
  /** Write champion/explainer.json; false gives a model as trained before explanations. @default true */
  readonly explainer?: boolean;
  /** @default 'gbdt' */
  readonly learner?: 'gbdt' | 'logreg';
}

/**
 * Trains a small GBDT (or a logistic regression) on the synthetic credit-default data and writes a champion model folder
 * (the files trainer's writeModelDir writes that serving reads).
 */
export async function writeFixtureModelDir(options: FixtureOptions): Promise<string> {
  const seed = options.seed ?? 3;
  const threshold = options.threshold ?? 0.5;
  const csv = join(options.dir, '..', `synth-${randomUUID()}.csv`);
  await writeSynthCsv({ rows: options.rows ?? 1500, seed, out: csv });
  try {
    const data = await prepareData({ path: csv, target: 'default', idColumns: ['id'], seed });
    const learner = options.learner ?? 'gbdt';
    const model =
      learner === 'logreg'
        ? trainLogReg(data.train)
        : trainGbdt(data.train, {
            params: { n_estimators: options.trees ?? 20, num_leaves: 15, min_data_in_leaf: 20 },
            seed,
          });
    const schemaDoc = schemaFacts(data.table, data.schema);
    const digest = createHash('sha256').update(JSON.stringify(schemaDoc)).digest('hex');
    const onnx = exportOnnx(model, {
      threshold,
      positiveLabel: data.schema.target.positive,
      schemaDigest: digest,
      producerVersion: 'test',
    });
    await writeModelDir({
      dir: options.dir,
      modelId: `m-${randomUUID().replace(/-/g, '')}`,
      onnx,
      features: model.features,
      signatureTypes: signatureTypes({
        table: data.table,
        features: model.features,
        integerText: undefined,
      }),
      example: { source: 'synthetic' },
      schema: { ...schemaDoc, threshold, learner },
      profile: {},
      ...(options.explainer === false ? {} : { explainer: buildExplainerDoc(model, data.train) }),
      metrics: { roc_auc: 0.8 },
      plots: {},
      metadata: {
        threshold: String(threshold),
        positive_label: data.schema.target.positive,
        learner,
      },
    });
    return options.dir;
  } finally {
    await rm(csv, { force: true });
  }
}

/** Renames a feature in champion/schema.json only, so it no longer matches model.onnx's inputs. */
export async function breakSchema(
  dir: string,
  options: { from: string; to: string },
): Promise<void> {
  const path = join(dir, 'champion', 'schema.json');
  const doc = JSON.parse(await readFile(path, 'utf8')) as {
    features: { name: string }[];
    featureFacts: { name: string }[];
  };
  const rename = <T extends { name: string }>(f: T): T =>
    f.name === options.from ? { ...f, name: options.to } : f;
  await writeFile(
    path,
    JSON.stringify({
      ...doc,
      features: doc.features.map(rename),
      featureFacts: doc.featureFacts.map(rename),
    }),
  );
}
