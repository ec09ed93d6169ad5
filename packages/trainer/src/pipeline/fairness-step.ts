/**
 * `champion train --sensitive`: a candidate's fairness report on the test split, scored through
 * its ONNX export (the served model's numbers, and its `label` output as the decision); the flip
 * test scores the test rows again through the same graph.
 */
import { assessFairness, sensitiveColumns, type BootstrapOptions } from '../fairness/index.js';
import type { FairnessReport } from '../fairness/index.js';
import { OnnxScorer } from '../runtime/onnx-session.js';
import { rawColumns, type RawColumn } from '../runtime/raw-columns.js';
import type { EvaluatedModel } from './evaluate.js';
import type { PreparedData } from './prepare.js';

export async function candidateFairness(options: {
  evaluated: EvaluatedModel;
  data: PreparedData;
  sensitive: readonly string[];
  bootstrap?: Partial<BootstrapOptions> | undefined;
}): Promise<FairnessReport> {
  const { evaluated, data } = options;
  const features = evaluated.model.features;
  const scorer = await OnnxScorer.create(evaluated.onnx, features);
  try {
    const raw = rawColumns({ table: data.table, features, rows: data.rows.test });
    const scored = await scorer.score(raw);
    return await assessFairness({
      labels: data.test.labels,
      probability: scored.probability,
      predicted: Uint8Array.from(scored.label, (l) => (l === 1n ? 1 : 0)),
      threshold: evaluated.threshold.threshold,
      positiveLabel: data.schema.target.positive,
      sensitive: sensitiveColumns({
        table: data.table,
        names: options.sensitive,
        rows: data.rows.test,
      }),
      model: {
        inputs: features.map((f, i) => ({ name: f.name, values: raw[i] ?? [] })),
        score: async (columns) => (await scorer.score(columns as RawColumn[])).probability,
      },
      bootstrap: options.bootstrap,
    });
  } finally {
    await scorer.release();
  }
}
