/**
 * Test fixtures: real champion model folders, trained and exported by @champion/trainer (a
 * devDependency used by tests only; serving's sources never import it).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaFacts, writeSynthCsv } from '@champion/tabular';
import { exportOnnx, prepareData, trainGbdt } from '@champion/trainer';
import { stringifyMLmodel } from 'mlflow-js-client';

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
}

/**
 * Trains a small GBDT on the synthetic credit-default data and writes a champion model folder
 * (the files trainer's writeModelDir writes that serving reads).
 */
export async function writeFixtureModelDir(options: FixtureOptions): Promise<string> {
  const seed = options.seed ?? 3;
  const threshold = options.threshold ?? 0.5;
  await mkdir(join(options.dir, 'champion'), { recursive: true });
  const csv = join(options.dir, '..', `synth-${randomUUID()}.csv`);
  await writeSynthCsv({ rows: options.rows ?? 1500, seed, out: csv });
  try {
    const data = await prepareData({ path: csv, target: 'default', idColumns: ['id'], seed });
    const model = trainGbdt(data.train, {
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
    const columns = model.features.map((f) => f.name);
    const exampleRow = columns.map((name) => {
      const column = data.table.columns.find((c) => c.name === name);
      if (column?.kind === 'numeric') return column.values[0] ?? null;
      return column ? (column.dictionary[column.codes[0] ?? -1] ?? null) : null;
    });
    const mlmodel = {
      artifact_path: 'model',
      flavors: {
        onnx: { data: 'model.onnx', onnx_version: '1.23.2', providers: ['CPUExecutionProvider'] },
        python_function: { data: 'model.onnx', loader_module: 'mlflow.onnx' },
      },
      model_id: `m-${randomUUID().replace(/-/g, '')}`,
      metadata: {
        threshold: String(threshold),
        positive_label: data.schema.target.positive,
        learner: 'gbdt',
      },
    };
    const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
    await Promise.all([
      writeFile(join(options.dir, 'MLmodel'), stringifyMLmodel(mlmodel)),
      writeFile(join(options.dir, 'model.onnx'), onnx),
      writeFile(
        join(options.dir, 'input_example.json'),
        JSON.stringify({ columns, data: [exampleRow] }),
      ),
      writeFile(
        join(options.dir, 'champion', 'schema.json'),
        json({ ...schemaDoc, threshold, learner: 'gbdt' }),
      ),
      writeFile(join(options.dir, 'champion', 'profile.json'), json({})),
      writeFile(join(options.dir, 'metrics.json'), json({ roc_auc: 0.8 })),
    ]);
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
