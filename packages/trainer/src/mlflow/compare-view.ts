/**
 * A saved view of the experiment's runs table, "champion: compare candidates": the test and
 * cross-validated metrics as columns beside the runs. MLflow 3.17's runs table opens with
 * attribute columns only (Source, Models, Dataset) and takes no server-side default for metric
 * columns; its saved views (the "Views" menu, or `?viewStateShareKey=<id>`) are the one place the
 * server can hold a column choice. The UI keeps them as experiment tags
 * `mlflow.sharedViewState.<id>` holding `{name, createdAt, updatedAt, state}`, `state` being the
 * view's JSON. Written once per experiment: a view the user changed is left alone.
 */
import type { Experiment, MlflowClient } from 'mlflow-js-client';

/** The view's id (in `?viewStateShareKey=`) and the tag that holds it. */
export const COMPARE_VIEW_ID = 'champion-compare';
export const COMPARE_VIEW_TAG = `mlflow.sharedViewState.${COMPARE_VIEW_ID}`;

/** The metric columns of the view, as the UI names columns (`metrics.` + backquoted key). */
export const COMPARE_VIEW_METRICS = [
  'test_roc_auc',
  'test_pr_auc',
  'test_log_loss',
  'cv_roc_auc_mean',
] as const;

/** The tag value: the UI's saved-view envelope around the view's state. */
export function compareViewValue(now: number): string {
  const state = {
    selectedColumns: [
      'attributes.`Dataset`',
      ...COMPARE_VIEW_METRICS.map((key) => `metrics.\`${key}\``),
    ],
  };
  return JSON.stringify({
    name: 'champion: compare candidates',
    createdAt: now,
    updatedAt: now,
    state: JSON.stringify(state),
  });
}

/** Saves the view on the experiment unless it has one under the same id. */
export async function saveCompareView(client: MlflowClient, experiment: Experiment): Promise<void> {
  if (experiment.tags.some((t) => t.key === COMPARE_VIEW_TAG)) return;
  await client.experiments.setTag(
    experiment.experiment_id,
    COMPARE_VIEW_TAG,
    compareViewValue(Date.now()),
  );
}
