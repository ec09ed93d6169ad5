/**
 * Class labels as the API answers them: typed as the training target was (tabular's
 * `labelKind`), the one rule for /predict, /predict/batch, /invocations, /v2 and the OpenAPI
 * document. The inference log keeps the class text (`labelText`), which the monitor compares
 * with the training data.
 */
import { labelKind, typedLabel, type LabelKind } from '@champion/tabular';
import type { ServedModel } from '@champion/runtime';

/** A class label as the API answers it. */
export type LabelValue = string | number;

/** A served model's labels: their kind and their values by label index (0 negative, 1 positive). */
export interface ModelLabels {
  readonly kind: LabelKind;
  readonly values: readonly [LabelValue, LabelValue];
}

const cache = new WeakMap<ServedModel, ModelLabels>();

/** The labels of `model` (computed once per model version). */
export function modelLabels(model: ServedModel): ModelLabels {
  let labels = cache.get(model);
  if (labels === undefined) {
    const kind = labelKind(model.target);
    const { negative, positive } = model.target;
    labels = { kind, values: [typedLabel(kind, negative), typedLabel(kind, positive)] };
    cache.set(model, labels);
  }
  return labels;
}

/** The class label text of a 0/1 label index. */
export function labelText(model: ServedModel, index: bigint | number): string {
  return Number(index) === 1 ? model.target.positive : model.target.negative;
}

/** The label of a 0/1 label index, typed as the training target. */
export function labelValue(model: ServedModel, index: bigint | number): LabelValue {
  return modelLabels(model).values[Number(index) === 1 ? 1 : 0];
}
