import { MlflowError, PARENT_RUN_ID_TAG, isNotFound } from '../index.js';
import type { MlflowClient } from '../index.js';
import { integrationClient, uniqueName } from '../../test/integration.js';

// The integration project's testTimeout is not applied per project by jest; set it here.
jest.setTimeout(120_000);

describe('tracking against a real MLflow server', () => {
  let client: MlflowClient;
  let experimentId: string;

  beforeAll(async () => {
    client = integrationClient();
    experimentId = (await client.experiments.getOrCreate({ name: uniqueName('js-tracking') }))
      .experiment_id;
  });

  afterAll(async () => {
    await client.close();
  });

  it('getOrCreate called concurrently for one name yields one experiment', async () => {
    const name = uniqueName('js-race');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.experiments.getOrCreate({ name })),
    );
    expect(new Set(results.map((e) => e.experiment_id)).size).toBe(1);
  });

  it('getByName of a missing experiment is a typed not-found error', async () => {
    const err: unknown = await client.experiments
      .getByName(uniqueName('missing'))
      .catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
  });

  it('creating an experiment that exists reports RESOURCE_ALREADY_EXISTS despite HTTP 400', async () => {
    const name = uniqueName('js-dup');
    await client.experiments.create({ name });
    await expect(client.experiments.create({ name })).rejects.toMatchObject({
      code: 'RESOURCE_ALREADY_EXISTS',
      status: 400,
    });
  });

  it('logs 5,000 metrics and 250 params in one call and the server has all of them', async () => {
    const run = await client.runs.create({ experimentId, runName: 'bulk' });
    const runId = run.info.run_id;
    const metrics = Array.from({ length: 5000 }, (_, i) => ({
      key: `metric_${i % 5}`,
      value: i * 0.5,
      step: Math.floor(i / 5),
      timestamp: 1_700_000_000_000 + i,
    }));
    const params = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`param_${i}`, `v${i}`]),
    );
    const requests = await client.runs.logBatch(runId, { metrics, params });
    expect(requests).toBeGreaterThan(5);
    const got = await client.runs.get(runId);
    expect(got.data.params).toHaveLength(250);
    for (let k = 0; k < 5; k++) {
      const history = await client.runs.getMetricHistory({
        runId,
        key: `metric_${k}`,
        pageSize: 300,
      });
      expect(history).toHaveLength(1000);
      expect(history.map((m) => m.step).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 1000 }, (_, i) => i),
      );
    }
  });

  it('re-sending the same batch (as a retry would) changes nothing', async () => {
    const run = await client.runs.create({ experimentId });
    const batch = {
      params: { lr: '0.1' },
      metrics: [{ key: 'loss', value: 0.5, step: 1, timestamp: 1 }],
    };
    await client.runs.logBatch(run.info.run_id, batch);
    await client.runs.logBatch(run.info.run_id, batch);
    const history = await client.runs.getMetricHistory({ runId: run.info.run_id, key: 'loss' });
    expect(history).toHaveLength(1);
  });

  it('refuses a NaN metric before sending anything, naming the key', async () => {
    const run = await client.runs.create({ experimentId });
    const metrics = [
      { key: 'fine', value: 1 },
      { key: 'broken_auc', value: NaN },
    ];
    await expect(client.runs.logBatch(run.info.run_id, { metrics })).rejects.toThrow(/broken_auc/);
    expect((await client.runs.get(run.info.run_id)).data.metrics).toHaveLength(0);
  });

  it('a param changed to another value is refused by the server as INVALID_PARAMETER_VALUE', async () => {
    const run = await client.runs.create({ experimentId });
    await client.runs.logBatch(run.info.run_id, { params: { depth: '3' } });
    await expect(
      client.runs.logBatch(run.info.run_id, { params: { depth: '4' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
    });
  });

  it('searches runs with a filter and order, following every page', async () => {
    const name = uniqueName('js-search');
    const exp = await client.experiments.getOrCreate({ name });
    for (let i = 0; i < 7; i++) {
      const run = await client.runs.create({ experimentId: exp.experiment_id, runName: `r${i}` });
      await client.runs.logBatch(run.info.run_id, {
        params: { group: i % 2 === 0 ? 'even' : 'odd' },
        metrics: [{ key: 'score', value: i }],
      });
    }
    const found = await client.runs.searchAll({
      experimentIds: [exp.experiment_id],
      filter: "params.group = 'even'",
      orderBy: ['metrics.score DESC'],
      maxResults: 2,
    });
    expect(found.map((r) => r.info.run_name)).toEqual(['r6', 'r4', 'r2', 'r0']);
  });

  it('updates, deletes and restores a run', async () => {
    const run = await client.runs.create({ experimentId });
    const finished = await client.runs.finish(run.info.run_id, 'FAILED');
    expect(finished.status).toBe('FAILED');
    await client.runs.delete(run.info.run_id);
    expect((await client.runs.get(run.info.run_id)).info.lifecycle_stage).toBe('deleted');
    await client.runs.restore(run.info.run_id);
    expect((await client.runs.get(run.info.run_id)).info.lifecycle_stage).toBe('active');
  });

  it('sets and deletes run tags', async () => {
    const run = await client.runs.create({ experimentId });
    await client.runs.setTag(run.info.run_id, 'stage', 'candidate');
    await client.runs.deleteTag(run.info.run_id, 'mlflow.runName');
    const tags = (await client.runs.get(run.info.run_id)).data.tags;
    expect(tags).toContainEqual({ key: 'stage', value: 'candidate' });
    expect(tags.map((t) => t.key)).not.toContain('mlflow.runName');
  });

  it('nests a child run under its parent', async () => {
    const parent = await client.runs.create({ experimentId, runName: 'parent' });
    const child = await client.runs.create({
      experimentId,
      runName: 'child',
      parentRunId: parent.info.run_id,
    });
    const children = await client.runs.searchAll({
      experimentIds: [experimentId],
      filter: `tags.\`${PARENT_RUN_ID_TAG}\` = '${parent.info.run_id}'`,
    });
    expect(children.map((r) => r.info.run_id)).toEqual([child.info.run_id]);
  });

  it('records a dataset input with its context tag', async () => {
    const run = await client.runs.create({ experimentId });
    const dataset = {
      name: 'credit.csv',
      digest: 'abc123',
      source_type: 'local',
      source: JSON.stringify({ uri: '/data/credit.csv' }),
      schema: JSON.stringify({ mlflow_colspec: [{ name: 'age', type: 'double' }] }),
      profile: JSON.stringify({ num_rows: 10 }),
    };
    await client.runs.logInputs({
      runId: run.info.run_id,
      datasets: [{ dataset, context: 'training' }],
    });
    const inputs = (await client.runs.get(run.info.run_id)).inputs.dataset_inputs;
    expect(inputs).toEqual([
      { dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] },
    ]);
  });

  it('reports a missing run as not found', async () => {
    const err: unknown = await client.runs
      .get('0123456789abcdef0123456789abcdef')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MlflowError);
    expect(isNotFound(err)).toBe(true);
  });
});
