/**
 * The fairness report of a model on labelled rows: per sensitive column, each group's figures,
 * the differences between groups, and the flip test when the column is a binary model input.
 * Pure apart from the model it is handed for the flip test.
 */
import { createRng } from '@champion/tabular';
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.js';
import { disparities } from './disparity.js';
import { binaryValues, flipDeltas, flippedColumn, type InputColumn } from './flip.js';
import { groupFigures, type ScoredDecisions } from './group-figures.js';
import { groupRows, type SensitiveColumn } from './groups.js';
import type { FairnessReport, FlipResult, SensitiveFairness } from '@champion/tabular';

/** The model, as the flip test needs it: its input columns for the rows, and a way to score. */
export interface FairnessModel {
  readonly inputs: readonly { readonly name: string; readonly values: InputColumn }[];
  /** Positive-class probabilities of the rows given these input columns (in `inputs` order). */
  readonly score: (columns: readonly InputColumn[]) => Promise<Float32Array>;
}

export interface FairnessInput {
  /** 1 = the row's true label is the positive class. */
  readonly labels: Uint8Array;
  /** The model's positive-class probability of each row. */
  readonly probability: Float32Array;
  /** 1 = the model predicts the positive class (its `label` output at its threshold). */
  readonly predicted: Uint8Array;
  readonly threshold: number;
  readonly positiveLabel: string;
  readonly sensitive: readonly SensitiveColumn[];
  /** Needed for the flip test; without it `flip` is null. */
  readonly model?: FairnessModel | undefined;
  readonly bootstrap?: Partial<BootstrapOptions> | undefined;
}

async function flipTest(options: {
  model: FairnessModel;
  column: SensitiveColumn;
  base: Float32Array;
}): Promise<FlipResult | null> {
  const { model, column } = options;
  const at = model.inputs.findIndex((i) => i.name === column.name);
  const values = binaryValues(column.keys);
  if (at < 0 || values === undefined) return null;
  const columns = model.inputs.map((input, i) =>
    i === at ? flippedColumn({ column: input.values, keys: column.keys, values }) : input.values,
  );
  const flipped = await model.score(columns);
  return flipDeltas({ base: options.base, flipped, keys: column.keys, values });
}

export async function assessFairness(input: FairnessInput): Promise<FairnessReport> {
  const bootstrap = { ...DEFAULT_BOOTSTRAP, ...input.bootstrap };
  const scored: ScoredDecisions = input;
  const sensitive: Record<string, SensitiveFairness> = {};
  for (const column of input.sensitive) {
    // One generator per column from the seed: a column's intervals do not depend on the others.
    const rng = createRng(bootstrap.seed);
    const groups: SensitiveFairness['groups'] = {};
    for (const [key, rows] of groupRows(column.keys)) {
      groups[key] = groupFigures({
        scored,
        rows,
        bootstrap: { resamples: bootstrap.resamples, level: bootstrap.level, rng },
      });
    }
    const isModelInput = input.model?.inputs.some((i) => i.name === column.name) ?? false;
    sensitive[column.name] = {
      is_model_input: isModelInput,
      groups,
      ...disparities(Object.values(groups)),
      flip:
        input.model && isModelInput
          ? await flipTest({ model: input.model, column, base: input.probability })
          : null,
    };
  }
  return {
    version: 1,
    rows: input.labels.length,
    threshold: input.threshold,
    positive_label: input.positiveLabel,
    bootstrap,
    sensitive,
  };
}
