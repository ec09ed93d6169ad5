/**
 * `champion fairness`'s work: read a labelled file with @champion/tabular's reading rules (the
 * model's feature types), score it with the model as `champion score` loads it (onnxruntime, the
 * model's own `label` output as the decision), and assess fairness with the trainer's report.
 */
import { writeFile } from 'node:fs/promises';
import { cellText, quoteCsvField, readTable, resolveTarget, type Table } from '@champion/tabular';
import { toFeatureBatch, type BatchModel } from '@champion/batch';
import {
  assessFairness,
  sensitiveColumns,
  TrainerError,
  type BootstrapOptions,
  type FairnessReport,
  type SensitiveColumn,
} from '@champion/trainer';

export interface FairnessDataOptions {
  readonly model: BatchModel['loaded'];
  readonly data: string;
  readonly target: string;
  /** @default the model's positive label */
  readonly positive?: string | undefined;
  readonly sensitive: readonly string[];
  readonly bootstrap?: Partial<BootstrapOptions> | undefined;
  /** Write the rows assessed (label, probability, decision, groups) to this CSV file. */
  readonly rowsOut?: string | undefined;
}

function labelsOf(options: { table: Table; rowNumbers: Float64Array } & FairnessDataOptions): {
  labels: Uint8Array;
  positive: string;
} {
  const { table } = options;
  const column = table.columns.find((c) => c.name === options.target);
  if (column === undefined) {
    throw new TrainerError(
      'CONFIG',
      `${options.data} has no target column '${options.target}'; its columns are: ${table.columns.map((c) => c.name).join(', ')}`,
    );
  }
  const { positive } = resolveTarget({
    column,
    positive: options.positive ?? options.model.model.target.positive,
    rowNumbers: options.rowNumbers,
  });
  const labels = new Uint8Array(table.rowCount);
  for (let i = 0; i < labels.length; i++) labels[i] = cellText(column, i) === positive ? 1 : 0;
  return { labels, positive };
}

async function writeRows(options: {
  path: string;
  labels: Uint8Array;
  probability: Float32Array;
  predicted: Uint8Array;
  sensitive: readonly SensitiveColumn[];
}): Promise<void> {
  const header = ['y_true', 'probability', 'y_pred', ...options.sensitive.map((s) => s.name)];
  const lines = [header.map(quoteCsvField).join(',')];
  for (let i = 0; i < options.labels.length; i++) {
    lines.push(
      [
        String(options.labels[i]),
        String(options.probability[i]),
        String(options.predicted[i]),
        ...options.sensitive.map((s) => quoteCsvField(s.keys[i] ?? '')),
      ].join(','),
    );
  }
  await writeFile(options.path, `${lines.join('\n')}\n`);
}

export async function fairnessOfFile(options: FairnessDataOptions): Promise<FairnessReport> {
  const { model } = options;
  const features = model.model.features;
  if (options.sensitive.includes(options.target)) {
    throw new TrainerError('CONFIG', `the target '${options.target}' cannot be a sensitive column`);
  }
  // Other columns are inferred as in training, so group keys are the ones training reports.
  const { table, rowNumbers } = await readTable(options.data, {
    columnTypes: Object.fromEntries(features.map((f) => [f.name, f.type])),
  });
  const sensitive = sensitiveColumns({ table, names: options.sensitive, source: options.data });
  const { labels, positive } = labelsOf({ ...options, table, rowNumbers });
  const batch = toFeatureBatch(table, features);
  const scored = await model.run(batch);
  const predicted = Uint8Array.from(scored.label, (l) => (l === 1n ? 1 : 0));
  if (options.rowsOut !== undefined) {
    await writeRows({
      path: options.rowsOut,
      labels,
      probability: scored.probability,
      predicted,
      sensitive,
    });
  }
  return assessFairness({
    labels,
    probability: scored.probability,
    predicted,
    threshold: model.model.threshold,
    positiveLabel: positive,
    sensitive,
    model: {
      inputs: features.map((f, i) => ({ name: f.name, values: batch.columns[i] ?? [] })),
      score: async (columns) => (await model.run({ rows: batch.rows, columns })).probability,
    },
    bootstrap: options.bootstrap,
  });
}
