/**
 * One demo training, checked from the outside: what `champion train` leaves in MLflow, read back
 * through the REST API the UI uses (the parent run and its child runs, the dataset, the logged
 * models and their files, the registered version behind `@champion`), and what MLflow's own
 * Python client predicts with the champion.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMLmodel, type MlflowClient, type Run } from 'mlflow-js-client';
import { quoteCsvField, type Table } from '@champion/tabular';
import type { FeatureSpec } from '../model/types.js';
import {
  encodeRaw,
  OnnxScorer,
  predictProbaModel,
  prepareData,
  rawColumns,
  train,
  type RawColumn,
  type TrainedCandidate,
  type TrainOptions,
  type TrainSummary,
} from '../index.js';
import {
  csvColumnKinds,
  demoCsv,
  integrationClient,
  pyfuncPredict,
  pythonForCrossChecks,
  smallTrain,
  tempDir,
  uniqueName,
} from '../../test/integration.js';

/** A CSV cell as a user's file holds it: the numeric value as read, or the category text. */
function cell(options: {
  table: Table;
  feature: FeatureSpec;
  raw: RawColumn | undefined;
  row: number;
  i: number;
}): string {
  const { table, feature, raw, row, i } = options;
  if (feature.kind === 'categorical') return (raw as string[] | undefined)?.[i] ?? '';
  const column = table.columns.find((c) => c.name === feature.name);
  const value = column?.kind === 'numeric' ? (column.values[row] ?? Number.NaN) : Number.NaN;
  return Number.isNaN(value) ? '' : String(value);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? Number.NaN) - (b[i] ?? Number.NaN));
    worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(worst, d);
  }
  return worst;
}

describe('champion train on demo data', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let csv: string;
  let summary: TrainSummary;
  let parent: Run;
  let options: TrainOptions;
  const name = uniqueName('it-demo');
  // An integer-coded column declared categorical: pandas reads it as numbers, the signature too.
  const categorical = ['num_dependents'];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('it-record');
    csv = await demoCsv({ dir: tmp.dir, rows: 4000, seed: 11 });
    const base = smallTrain({ client, name, path: csv });
    options = { ...base, data: { ...base.data, categorical } };
    summary = await train(options);
    parent = await client.runs.get(summary.runId);
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  /** The search candidates' child runs (the evaluation runs are checked in mlflow/ui-state). */
  async function childRuns(): Promise<Run[]> {
    const children = await client.runs.searchAll({
      experimentIds: [summary.experimentId],
      filter: `tags.mlflow.parentRunId = '${summary.runId}'`,
    });
    return children.filter((r) => !r.data.tags.some((t) => t.key === 'mlflow.runType'));
  }

  const downloads = new Map<string, Promise<string>>();
  /** Downloads a model once per URI, as a user would with `models:/...`. */
  function downloadModel(uri: string): Promise<string> {
    const dir = join(tmp.dir, createHash('sha256').update(uri).digest('hex').slice(0, 12));
    const found = downloads.get(uri) ?? client.resolveModelUri(uri, dir).then((r) => r.localPath);
    downloads.set(uri, found);
    return found;
  }

  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
  }

  it('finishes the parent run', () => {
    expect(parent.info.status).toBe('FINISHED');
  });

  it('logs one finished child run per candidate under the parent run', async () => {
    const children = await childRuns();
    expect(children).toHaveLength(summary.candidates.length);
    expect(children.map((c) => c.info.status)).toEqual(children.map(() => 'FINISHED'));
  });

  it('gives every child run its learner, its params and a comparable cross-validated AUC', async () => {
    for (const child of await childRuns()) {
      const params = new Map(child.data.params.map((p) => [p.key, p.value]));
      expect(['gbdt', 'logreg']).toContain(params.get('learner'));
      expect(params.size).toBeGreaterThan(1);
      const auc = child.data.metrics.find((m) => m.key === 'cv_roc_auc_mean');
      expect(auc?.value).toBeGreaterThan(0.5);
      expect(auc?.value).toBeLessThanOrEqual(1);
    }
  });

  it('records the training file as the run dataset with its digest and the training context', async () => {
    const digest = createHash('sha256')
      .update(await readFile(csv))
      .digest('hex')
      .slice(0, 8);
    expect(parent.inputs.dataset_inputs).toHaveLength(1);
    const input = parent.inputs.dataset_inputs[0];
    expect(input?.dataset.digest).toBe(digest);
    expect(input?.dataset.source).toContain(csv);
    expect(input?.tags).toContainEqual({ key: 'mlflow.data.context', value: 'training' });
  });

  it('logs the test metrics of the winner on the parent run', () => {
    const metrics = new Map(parent.data.metrics.map((m) => [m.key, m.value]));
    for (const key of ['test_roc_auc', 'test_pr_auc', 'test_log_loss', 'test_f1', 'threshold']) {
      expect(Number.isFinite(metrics.get(key))).toBe(true);
    }
    expect(metrics.get('test_roc_auc')).toBeGreaterThan(0.6);
  });

  it('tags the parent run with the git commit of the checkout it ran from', () => {
    const tags = new Map(parent.data.tags.map((t) => [t.key, t.value]));
    expect(tags.get('mlflow.source.name')).toBe('champion train');
    const inGit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).status === 0;
    const commit = tags.get('mlflow.source.git.commit');
    if (!inGit) {
      expect(commit).toBeUndefined();
      return;
    }
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    // HEAD may have moved on since training (commits made meanwhile); the tag must be in its history.
    const ancestor = spawnSync('git', ['merge-base', '--is-ancestor', commit ?? '', 'HEAD']);
    expect(ancestor.status).toBe(0);
  });

  it('links every logged model to the parent run as a READY output', async () => {
    expect(parent.outputs.model_outputs.map((o) => o.model_id).sort()).toEqual(
      summary.models.map((m) => m.modelId).sort(),
    );
    for (const m of summary.models) {
      const logged = await client.loggedModels.get(m.modelId);
      expect(logged.info.status).toBe('LOGGED_MODEL_READY');
      expect(logged.info.source_run_id).toBe(summary.runId);
    }
  });

  it('writes an MLmodel with the onnx and python_function flavors and its own model id', async () => {
    const dir = await downloadModel(`models:/${summary.winner.modelId}`);
    const mlmodel = await readMLmodel(join(dir, 'MLmodel'));
    expect(Object.keys(mlmodel.flavors ?? {}).sort()).toEqual(['onnx', 'python_function']);
    expect(mlmodel.flavors?.['python_function']).toMatchObject({
      loader_module: 'champion_pyfunc',
      code: 'code',
      data: 'model.onnx',
    });
    expect(mlmodel.flavors?.['onnx']).toMatchObject({ data: 'model.onnx' });
    expect(mlmodel['model_id']).toBe(summary.winner.modelId);
  });

  it('gives the model a signature with every feature column of the file, typed as pd.read_csv reads it', async () => {
    const kinds = await csvColumnKinds({ path: csv });
    const [header = '', ...lines] = (await readFile(csv, 'utf8')).split(/\r?\n/).filter(Boolean);
    const names = header.split(',');
    const cellsOf = (column: string): string[] =>
      lines.map((l) => l.split(',')[names.indexOf(column)] ?? '');
    // long where pandas reads int64 from any rows of the file (every cell an integer literal);
    // any where a few rows may read as int64 and others as float64 (fractions, missing cells).
    const pandasType = (column: string): string => {
      if (kinds.get(column) === 'categorical') return 'string';
      return cellsOf(column).every((c) => /^-?[0-9]+$/.test(c)) ? 'long' : 'any';
    };
    const expected = [...kinds.keys()]
      .filter((column) => column !== 'id' && column !== 'default')
      .map((column) => ({ name: column, type: pandasType(column) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const dir = await downloadModel(`models:/${summary.winner.modelId}`);
    const mlmodel = await readMLmodel(join(dir, 'MLmodel'));
    const signature = mlmodel['signature'] as { inputs: string };
    const inputs = (JSON.parse(signature.inputs) as { name: string; type: string }[])
      .map((c) => ({ name: c.name, type: c.type }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(inputs).toEqual(expected);
    expect(new Set(inputs.map((c) => c.type))).toEqual(new Set(['long', 'any', 'string']));
    expect(inputs.find((c) => c.name === 'num_dependents')?.type).toBe('long');
  });

  it('stores the model files MLflow and champion need beside the MLmodel', async () => {
    const files = await filesUnder(await downloadModel(`models:/${summary.winner.modelId}`));
    for (const file of [
      'MLmodel',
      'model.onnx',
      'code/champion_pyfunc.py',
      'conda.yaml',
      'python_env.yaml',
      'requirements.txt',
      'input_example.json',
      'serving_input_example.json',
      'champion/schema.json',
      'champion/profile.json',
      'metrics.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(
      files.filter((f) => f.startsWith('plots/') && f.endsWith('.svg')).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('uploads the evaluation plots of every learner as run artifacts', async () => {
    const artifacts = await client.artifacts.list({
      artifactUri: parent.info.artifact_uri,
      path: 'evaluation',
      recursive: true,
    });
    for (const m of summary.models) {
      const svgs = artifacts.filter(
        (a) => a.path.startsWith(`evaluation/${m.learner}/`) && a.path.endsWith('.svg'),
      );
      expect(svgs.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('registers the winner as the version behind @champion, pointing at the winning logged model', async () => {
    const version = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    expect(version.version).toBe(summary.version);
    // MLflow keeps the logged model as the version's source (the REST answer omits model_id).
    expect(version.source).toBe(`models:/${summary.winner.modelId}`);
    expect(version.run_id).toBe(summary.runId);
    const dir = await downloadModel(`models:/${name}@champion`);
    const mlmodel = await readMLmodel(join(dir, 'MLmodel'));
    expect(mlmodel['model_id']).toBe(summary.winner.modelId);
  });

  it('records the gate decision and its figures as tags on the registered version', async () => {
    const version = await client.registry.aliases.getVersion({ name, alias: 'champion' });
    const tags = new Map(version.tags.map((t) => [t.key, t.value]));
    expect(tags.get('champion.gate.decision')).toBe('promoted');
    expect(tags.get('champion.gate.reasons')).toMatch(/no current champion/);
    expect(tags.get('champion.gate.primary_metric')).toBe('roc_auc');
    expect(Number(tags.get('champion.gate.candidate_roc_auc'))).toBeGreaterThan(0.6);
    expect(version.aliases).toEqual(expect.arrayContaining(['champion', 'challenger']));
  });
  describe("MLflow's Python client", () => {
    const cross = pythonForCrossChecks();
    const withPython = 'python' in cross ? it : it.skip;
    if ('missing' in cross) console.warn(`${cross.missing}; skipping the pyfunc cross-checks.`);

    /** The test rows exactly as prepared for training, as a CSV a user could have written. */
    async function testRowsCsv(
      features: readonly FeatureSpec[],
    ): Promise<{ csv: string; raw: RawColumn[] }> {
      const data = await prepareData(options.data);
      const raw = rawColumns({ table: data.table, features, rows: data.rows.test });
      const lines = [features.map((f) => quoteCsvField(f.name)).join(',')];
      for (let i = 0; i < data.rows.test.length; i++) {
        const row = data.rows.test[i] ?? 0;
        lines.push(
          features
            .map((f, j) =>
              quoteCsvField(cell({ table: data.table, feature: f, raw: raw[j], row, i })),
            )
            .join(','),
        );
      }
      const csv = join(tmp.dir, 'test-rows.csv');
      await writeFile(csv, `${lines.join('\n')}\n`);
      return { csv, raw };
    }

    let predicted: Record<string, number[]>;
    let raw: RawColumn[];
    let features: readonly FeatureSpec[];

    beforeAll(async () => {
      if (!('python' in cross)) return;
      features = summary.winner.evaluated.model.features;
      const rows = await testRowsCsv(features);
      raw = rows.raw;
      predicted = await pyfuncPredict({
        python: cross.python,
        dir: tmp.dir,
        csv: rows.csv,
        columns: features.map((f) => ({ name: f.name, kind: f.kind })),
        uris: [`models:/${name}@champion`, ...summary.models.map((m) => `models:/${m.modelId}`)],
      });
    });

    async function onnxProbabilities(model: TrainedCandidate): Promise<Float32Array> {
      const scorer = await OnnxScorer.create(model.evaluated.onnx, model.evaluated.model.features);
      try {
        return (await scorer.score(raw)).probability;
      } finally {
        await scorer.release();
      }
    }

    withPython(
      'loads models:/NAME@champion and predicts the test rows as our ONNX scorer does, within 1e-5',
      async () => {
        const ours = await onnxProbabilities(summary.winner);
        const theirs = predicted[`models:/${name}@champion`] ?? [];
        expect(theirs).toHaveLength(ours.length);
        expect(maxAbsDiff(theirs, ours)).toBeLessThanOrEqual(1e-5);
      },
    );

    withPython('predicts with every logged model as our in-memory model does, within 1e-5', () => {
      for (const m of summary.models) {
        const ours = predictProbaModel(
          m.evaluated.model,
          encodeRaw(m.evaluated.model.features, raw),
        );
        const theirs = predicted[`models:/${m.modelId}`] ?? [];
        expect(theirs).toHaveLength(ours.length);
        expect(maxAbsDiff(theirs, ours)).toBeLessThanOrEqual(1e-5);
      }
    });
  });
});
