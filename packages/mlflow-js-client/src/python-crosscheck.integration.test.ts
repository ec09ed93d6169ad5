import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeMLmodel } from './index.js';
import type { MlflowClient } from './index.js';
import { integrationClient, sha256File, tempDir, uniqueName } from '../test/integration.js';

// The integration project's testTimeout is not applied per project by jest; set it here.
jest.setTimeout(180_000);

const python = process.env['CHAMPION_MLFLOW_PYTHON'];
const describeWithPython = python === undefined || python === '' ? describe.skip : describe;
if (python === undefined || python === '') {
  console.warn(
    'Skipping the MLflow Python cross-check: CHAMPION_MLFLOW_PYTHON is not set (the jest global ' +
      'setup sets it to the interpreter of the MLflow venv).',
  );
}

// process.cwd() is the repo root under jest; import.meta is unavailable (tests run as CommonJS).
const script = resolve(process.cwd(), 'packages/mlflow-js-client/test/read_back.py');

describeWithPython('what mlflow-js-client writes, MLflow Python reads back', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let readBack: Record<string, unknown>;
  const params = { learning_rate: '0.05', max_depth: '6' };
  const tags = { owner: 'js-client', purpose: 'cross-check' };
  const metrics = [0, 1, 2, 3].flatMap((step) => [
    { key: 'auc', value: 0.5 + step / 10, step, timestamp: 1_700_000_000_000 + step },
    { key: 'loss', value: 1 / (step + 1), step, timestamp: 1_700_000_000_000 + step },
  ]);
  let artifactSha = '';
  let mlmodelSha = '';
  let expectedVersion = '';
  let modelId = '';

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('js-crosscheck');
    const exp = await client.experiments.getOrCreate({ name: uniqueName('js-crosscheck') });
    const run = await client.runs.create({ experimentId: exp.experiment_id, tags });
    const runId = run.info.run_id;
    await client.runs.logBatch(runId, { params, metrics });
    const artifact = join(tmp.dir, 'report.txt');
    await writeFile(artifact, 'cross-check artifact\n'.repeat(1000));
    artifactSha = await sha256File(artifact);
    await client.artifacts.uploadFile({
      artifactUri: run.info.artifact_uri,
      localPath: artifact,
      artifactPath: 'reports',
    });
    const modelDir = join(tmp.dir, 'model');
    await mkdir(modelDir, { recursive: true });
    await writeMLmodel(join(modelDir, 'MLmodel'), { flavors: { custom: { data: 'weights.bin' } } });
    await writeFile(join(modelDir, 'weights.bin'), Buffer.from('weights'));
    mlmodelSha = await sha256File(join(modelDir, 'MLmodel'));
    const model = await client.loggedModels.logModel({
      experimentId: exp.experiment_id,
      sourceRunId: runId,
      name: 'crosscheck',
      localDir: modelDir,
    });
    modelId = model.info.model_id;
    const name = uniqueName('js-crosscheck-model');
    await client.registry.models.create({ name });
    const version = await client.registry.versions.create({
      name,
      source: `models:/${modelId}`,
      modelId,
      runId,
    });
    expectedVersion = version.version;
    await client.registry.aliases.set({ name, alias: 'champion' }, version.version);
    await client.runs.finish(runId);

    const { stdout } = await promisify(execFile)(
      python ?? 'python',
      [script, runId, name, 'champion', 'reports/report.txt', join(tmp.dir, 'py')],
      { env: { ...process.env }, maxBuffer: 16 * 1024 * 1024 },
    );
    const lastLine = stdout.trim().split('\n').at(-1) ?? '{}';
    readBack = JSON.parse(lastLine) as Record<string, unknown>;
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  it('params match', () => {
    expect(readBack['params']).toEqual(params);
  });

  it('user tags match', () => {
    expect(readBack['tags']).toEqual(tags);
  });

  it('metric history matches with steps', () => {
    const expected: Record<string, [number, number][]> = {};
    for (const m of metrics) (expected[m.key] ??= []).push([m.step, m.value]);
    for (const list of Object.values(expected)) list.sort((a, b) => a[0] - b[0]);
    expect(readBack['metric_history']).toEqual(expected);
  });

  it('the alias resolves to the version registered from the logged model', () => {
    expect(readBack['alias_version']).toBe(expectedVersion);
    expect(readBack['version_source']).toBe(`models:/${modelId}`);
    expect(readBack['logged_model_status']).toBe('READY');
  });

  it('artifact bytes match', () => {
    expect(readBack['artifact_sha256']).toBe(artifactSha);
  });

  it('the model files downloaded by MLflow through models:/NAME@champion match', () => {
    expect(readBack['model_mlmodel_sha256']).toBe(mlmodelSha);
  });
});
