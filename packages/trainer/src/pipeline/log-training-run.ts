/**
 * What the parent run of a training records before the search: the training file as its
 * dataset, the data, search and fairness settings as params, the schema's notes and, when the schema
 * differs from the registered model's, what changed.
 */
import type { MlflowClient } from 'mlflow-js-client';
import type { Learner } from '../learners/catalog.js';
import { fairnessParams } from '../fairness/settings.js';
import { datasetFor } from '../mlflow/dataset.js';
import type { PreparedData } from './prepare.js';
import type { SchemaChange } from './schema-change.js';
import { stringValues } from './string-values.js';
import type { TrainOptions } from './train.js';

export async function logTrainingRun(options: {
  client: MlflowClient;
  runId: string;
  options: TrainOptions;
  data: PreparedData;
  /** The training file's digest. */
  digest: string;
  folds: number;
  learners: readonly Learner[];
  schemaChange: SchemaChange;
}): Promise<void> {
  const { client, runId, data, digest, folds, learners, schemaChange } = options;
  const train = options.options;
  await client.runs.logInputs({
    runId,
    datasets: [
      {
        dataset: datasetFor({
          path: train.data.path,
          digest,
          schema: data.schema,
          rows: data.table.rowCount,
        }),
        context: 'training',
      },
    ],
  });
  await client.runs.logBatch(runId, {
    params: {
      ...stringValues({
        data: train.data.path,
        target: data.schema.target.name,
        positive_label: data.schema.target.positive,
        id_columns: data.schema.idColumns.join(',') || '(none)',
        excluded: data.schema.excluded.join(',') || '(none)',
        features: data.features.length,
        rows_train: data.train.rowCount,
        rows_validation: data.valid.rowCount,
        rows_test: data.test.rowCount,
        rows_set_aside: data.read.setAside.length,
        seed: train.data.seed,
        cv_folds: folds,
        learners: learners.map((l) => l.name).join(','),
        threshold_for: train.thresholdFor ?? 'f1',
      }),
      // Read back by the monitor's retraining and `champion promote` (fairness/settings.ts).
      ...fairnessParams({ sensitive: train.sensitive, rules: train.gate?.fairness }),
    },
    tags: {
      'champion.schema.notes': data.schema.notes.join('\n').slice(0, 5000) || '(none)',
      ...(schemaChange.changes.length === 0
        ? {}
        : {
            'champion.schema.change':
              `from ${schemaChange.comparedWith ?? '?'}: ${schemaChange.changes.join('; ')}`.slice(
                0,
                5000,
              ),
          }),
    },
  });
}
