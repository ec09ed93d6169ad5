/** The output rows of one scored chunk: the kept input columns, then probability, label, version. */
import type { Column, Table } from '@champion/tabular';
import type { BatchExplanations, RawScores, ServedFeature, ServedModel } from '@champion/runtime';
import { reasonColumns } from './reasons.js';

/** Builds the output table for a chunk `table` and its scores. */
export function outputTable(options: {
  table: Table;
  keep: readonly string[];
  scores: RawScores;
  model: ServedModel;
  /** `--explain topN`: the chunk's explanations and N. */
  reasons?: { readonly top: number; readonly explanations: BatchExplanations };
}): Table {
  const { table, keep, scores, model, reasons } = options;
  const n = table.rowCount;
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const kept = keep.map((name) => byName.get(name)).filter((c): c is Column => c !== undefined);
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) labels[r] = scores.label[r] === 1n ? 1 : 0;
  return {
    rowCount: n,
    columns: [
      ...kept,
      { name: 'probability', kind: 'numeric', values: Float64Array.from(scores.probability) },
      {
        name: 'label',
        kind: 'categorical',
        codes: labels,
        dictionary: [model.target.negative, model.target.positive],
      },
      {
        name: 'model_version',
        kind: 'categorical',
        codes: new Int32Array(n),
        dictionary: [model.version],
      },
      ...(reasons === undefined
        ? []
        : reasonColumns({ ...reasons, features: model.features, rows: n })),
    ],
  };
}

/** A zero-row output table, so even a shard with no rows writes the header. */
export function emptyOutputTable(options: {
  keep: readonly string[];
  features: readonly ServedFeature[];
  /** `--explain topN`: N. */
  explainTop?: number | undefined;
}): Table {
  const numeric = new Set(options.features.filter((f) => f.type === 'numeric').map((f) => f.name));
  const kept = options.keep.map((name): Column =>
    numeric.has(name)
      ? { name, kind: 'numeric', values: new Float64Array(0) }
      : { name, kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
  );
  return {
    rowCount: 0,
    columns: [
      ...kept,
      { name: 'probability', kind: 'numeric', values: new Float64Array(0) },
      { name: 'label', kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
      { name: 'model_version', kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
      ...(options.explainTop === undefined
        ? []
        : reasonColumns({
            top: options.explainTop,
            features: options.features,
            explanations: undefined,
            rows: 0,
          })),
    ],
  };
}
