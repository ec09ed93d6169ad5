/**
 * What MLflow 3.17's UI shows after one training, read back through the REST calls the UI makes:
 * the Models tab (`logged-models/search`) and a model's page (`logged-models/get`) list each
 * model's metrics grouped by the dataset named on them, and open that dataset from the run that
 * logged the metric; the runs table opens a parent row whose child run is tagged
 * `mlflow.runType: evaluation`, and its saved view shows metric columns from the runs' metrics.
 */
import type { LoggedModel, Metric, MlflowClient, Run } from 'mlflow-js-client';
import { train, type TrainSummary } from '../index.js';
import { COMPARE_VIEW_ID } from './compare-view.js';
import {
  demoCsv,
  integrationClient,
  smallTrain,
  tempDir,
  uniqueName,
} from '../../test/integration.js';

describe('the MLflow UI state a training leaves', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let summary: TrainSummary;
  let searched: LoggedModel[];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('it-ui');
    const csv = await demoCsv({ dir: tmp.dir, rows: 3000, seed: 5 });
    summary = await train(smallTrain({ client, name: uniqueName('it-ui'), path: csv }));
    searched = await client.loggedModels.searchAll({
      experimentIds: [summary.experimentId],
      filter: `source_run_id = '${summary.runId}'`,
    });
  });

  afterAll(async () => {
    await tmp.cleanup();
    await client.close();
  });

  function metric(model: LoggedModel, key: string): Metric | undefined {
    return model.data.metrics.find((m) => m.key === key);
  }

  async function childRuns(): Promise<Run[]> {
    return client.runs.searchAll({
      experimentIds: [summary.experimentId],
      filter: `tags.mlflow.parentRunId = '${summary.runId}'`,
    });
  }

  it('gives every logged model its test ROC AUC, as evaluated, on the Models tab and its page', async () => {
    expect(summary.models.length).toBeGreaterThanOrEqual(2);
    for (const candidate of summary.models) {
      const expected = candidate.evaluated.metrics['roc_auc'];
      const listed = searched.find((m) => m.info.model_id === candidate.modelId);
      expect(listed && metric(listed, 'test_roc_auc')?.value).toBeCloseTo(expected ?? NaN, 12);
      const page = await client.loggedModels.get(candidate.modelId);
      expect(metric(page, 'test_roc_auc')?.value).toBeCloseTo(expected ?? NaN, 12);
      const keys = page.data.metrics.map((m) => m.key);
      for (const key of ['test_pr_auc', 'test_log_loss', 'test_f1', 'threshold'])
        expect(keys).toContain(key);
    }
  });

  it('names one test dataset on every model, so the Models tab puts their metrics side by side', () => {
    const datasets = searched.map((m) => {
      const auc = metric(m, 'test_roc_auc');
      return { name: auc?.dataset_name, digest: auc?.dataset_digest };
    });
    expect(datasets[0]?.name).toMatch(/\(test split\)$/);
    expect(datasets[0]?.digest).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(datasets.map((d) => JSON.stringify(d))).size).toBe(1);
  });

  it('opens each model’s dataset from the run that logged its metrics, with the test rows', async () => {
    for (const model of searched) {
      const auc = metric(model, 'test_roc_auc');
      const run = await client.runs.get(auc?.run_id ?? '');
      const input = run.inputs.dataset_inputs.find(
        (i) => i.dataset.name === auc?.dataset_name && i.dataset.digest === auc.dataset_digest,
      );
      expect(input?.tags).toContainEqual({ key: 'mlflow.data.context', value: 'test' });
      expect(JSON.parse(input?.dataset.profile ?? '{}')).toMatchObject({
        num_rows: summary.rows.test,
      });
      expect(run.inputs.model_inputs.map((i) => i.model_id)).toEqual([model.info.model_id]);
    }
  });

  it('tags one evaluation child run per model, which MLflow’s UI opens under the parent row', async () => {
    const evaluations = (await childRuns()).filter((r) =>
      r.data.tags.some((t) => t.key === 'mlflow.runType' && t.value === 'evaluation'),
    );
    const modelOf = (r: Run): string | undefined =>
      r.data.params.find((p) => p.key === 'model_id')?.value;
    expect(evaluations.map(modelOf).sort()).toEqual(summary.models.map((m) => m.modelId).sort());
    expect(evaluations.map((r) => r.info.status)).toEqual(evaluations.map(() => 'FINISHED'));
  });

  it('gives the runs table one test_roc_auc column: each model’s on its run, the winner’s on the parent', async () => {
    const evaluations = (await childRuns()).filter((r) => r.info.run_name?.endsWith('-test'));
    for (const candidate of summary.models) {
      const run = evaluations.find((r) => r.info.run_name === `${candidate.learner}-test`);
      const auc = run?.data.metrics.find((m) => m.key === 'test_roc_auc');
      expect(auc?.value).toBeCloseTo(candidate.evaluated.metrics['roc_auc'] ?? NaN, 12);
    }
    const parent = await client.runs.get(summary.runId);
    const parentAuc = parent.data.metrics.find((m) => m.key === 'test_roc_auc');
    expect(parentAuc?.value).toBeCloseTo(summary.winner.evaluated.metrics['roc_auc'] ?? NaN, 12);
  });

  it('saves the runs-table view "champion: compare candidates", whose metric columns the runs fill', async () => {
    const experiment = await client.experiments.get(summary.experimentId);
    const tag = experiment.tags.find((t) => t.key === `mlflow.sharedViewState.${COMPARE_VIEW_ID}`);
    const envelope = JSON.parse(tag?.value ?? '{}') as { name?: string; state?: string };
    expect(envelope.name).toBe('champion: compare candidates');
    const state = JSON.parse(envelope.state ?? '{}') as { selectedColumns?: string[] };
    const metricColumns = (state.selectedColumns ?? [])
      .filter((c) => c.startsWith('metrics.'))
      .map((c) => c.slice('metrics.`'.length, -1));
    expect(metricColumns).toContain('test_roc_auc');
    const evaluations = (await childRuns()).filter((r) => r.info.run_name?.endsWith('-test'));
    for (const run of evaluations)
      expect(run.data.metrics.map((m) => m.key)).toEqual(expect.arrayContaining(metricColumns));
  });
});
