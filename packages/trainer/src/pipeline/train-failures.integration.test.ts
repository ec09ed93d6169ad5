/**
 * How `champion train` fails: bad data is refused with a message that names the problem before
 * anything reaches MLflow, and a failure after the run started leaves that run FAILED with the
 * reason as a tag, never FINISHED.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlflowClient, type Run } from 'mlflow-js-client';
import { train } from '../index.js';
import {
  demoCsv,
  integrationClient,
  smallTrain,
  startRefusingProxy,
  tempDir,
  uniqueName,
} from '../../test/integration.js';

describe('champion train failures', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let header: string[];
  let rows: string[][];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('it-failures');
    const demo = await demoCsv({ dir: tmp.dir, rows: 600, seed: 5 });
    const [first = '', ...rest] = (await readFile(demo, 'utf8'))
      .split('\n')
      .filter((l) => l !== '');
    header = first.split(',');
    rows = rest.map((l) => l.split(','));
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  /** Writes the demo rows, changed by `edit`, as a new CSV. */
  async function csvWith(options: {
    file: string;
    edit: (row: string[], index: number) => string[];
    columns?: string[];
  }): Promise<string> {
    const path = join(tmp.dir, options.file);
    const lines = [
      (options.columns ?? header).join(','),
      ...rows.map((r, i) => options.edit([...r], i).join(',')),
    ];
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  function col(name: string): number {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`demo data has no column ${name}`);
    return i;
  }

  /** Trains on `path` under a fresh model name; returns the error and the experiment's runs. */
  async function attempt(path: string, target = 'default'): Promise<{ error: Error; runs: Run[] }> {
    const name = uniqueName('it-fail');
    const base = smallTrain({ client, name, path });
    const error = await train({
      ...base,
      data: { ...base.data, target },
      learners: ['logreg'],
    }).then(
      () => new Error('training succeeded'),
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
    const experiment = await client.experiments.findByName(name);
    const runs = experiment
      ? await client.runs.searchAll({ experimentIds: [experiment.experiment_id], viewType: 'ALL' })
      : [];
    return { error, runs };
  }

  function finished(runs: readonly Run[]): Run[] {
    return runs.filter((r) => r.info.status === 'FINISHED');
  }

  it('refuses a non-numeric value in a numeric column, naming the column, the row and the value', async () => {
    const path = await csvWith({
      file: 'non-numeric.csv',
      edit: (r, i) => (i === 122 ? r.map((v, j) => (j === col('income') ? '12k' : v)) : r),
    });
    const { error, runs } = await attempt(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/column income, row 123: '12k' is not a number/);
    expect(finished(runs)).toEqual([]);
  });

  it('refuses a file without the target column, naming the file, the target and the columns it has', async () => {
    const keep = header.map((_, j) => j).filter((j) => j !== col('default'));
    const path = await csvWith({
      file: 'no-target.csv',
      columns: keep.map((j) => header[j] ?? ''),
      edit: (r) => keep.map((j) => r[j] ?? ''),
    });
    const { error, runs } = await attempt(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/target column 'default' not found/);
    expect(error.message).toMatch(/columns are: .*income/);
    expect(finished(runs)).toEqual([]);
  });

  it('refuses a target with three classes, naming the file and the classes it found', async () => {
    const path = await csvWith({
      file: 'three-classes.csv',
      edit: (r, i) => (i % 7 === 0 ? r.map((v, j) => (j === col('default') ? '2' : v)) : r),
    });
    const { error, runs } = await attempt(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/'default' has 3 classes \(0, 1, 2\)/);
    expect(finished(runs)).toEqual([]);
  });

  it('refuses an empty file, saying that it is empty', async () => {
    const path = join(tmp.dir, 'empty.csv');
    await writeFile(path, '');
    const { error, runs } = await attempt(path);
    expect(error.message).toMatch(/empty/i);
    expect(error.message).toContain(path);
    expect(finished(runs)).toEqual([]);
  });

  it('refuses an unknown learner before any run starts', async () => {
    const path = await csvWith({ file: 'fine.csv', edit: (r) => r });
    const name = uniqueName('it-fail');
    const options = { ...smallTrain({ client, name, path }), learners: ['forest' as 'gbdt'] };
    await expect(train(options)).rejects.toThrow(
      "unknown learner 'forest'; choose from gbdt, logreg",
    );
    expect(await client.experiments.findByName(name)).toBeUndefined();
  });

  describe('when the registry refuses the new version after training', () => {
    let proxy: { url: string; close: () => Promise<void> };
    let proxied: MlflowClient;
    let error: Error;
    let runs: Run[];
    const name = uniqueName('it-fail-late');

    beforeAll(async () => {
      proxy = await startRefusingProxy({
        target: process.env['MLFLOW_TRACKING_URI'] ?? '',
        refuse: ({ path }) =>
          path.includes('/registered-models/create') || path.includes('/model-versions/create'),
      });
      proxied = new MlflowClient({ trackingUri: proxy.url, retry: { totalDeadlineMs: 10_000 } });
      const path = await csvWith({ file: 'late.csv', edit: (r) => r });
      error = await train({
        ...smallTrain({ client: proxied, name, path }),
        learners: ['logreg'],
      }).then(
        () => new Error('training succeeded'),
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      const experiment = await client.experiments.getByName(name);
      runs = await client.runs.searchAll({
        experimentIds: [experiment.experiment_id],
        viewType: 'ALL',
      });
    });

    afterAll(async () => {
      await proxied.close();
      await proxy.close();
    });

    function parentRun(): Run | undefined {
      return runs.find((r) => !r.data.tags.some((t) => t.key === 'mlflow.parentRunId'));
    }

    it('fails with the registry’s reason', () => {
      expect(error.message).toMatch(/permission denied/i);
    });

    it('ends the training run FAILED, not FINISHED', () => {
      expect(parentRun()?.info.status).toBe('FAILED');
    });

    it('tags the failed run with the reason as champion.failure', () => {
      const failure = parentRun()?.data.tags.find((t) => t.key === 'champion.failure');
      expect(failure?.value).toMatch(/permission denied/i);
    });
  });
});
