/**
 * Logistic regression as plain ONNX ops: numeric features imputed (NaN → training mean),
 * standardised and multiplied by their weights; each categorical feature one-hot encoded from its
 * code, with one extra slot for NaN (missing or unseen) carrying `missingWeight`.
 */
import type { LogRegCategoricalTerm, LogRegModel } from '../model/types.js';
import { type GraphBuilder, DataType } from '@champion/onnx';
import { concatColumns } from './preprocess.js';

/** Adds the linear score over per-feature `[N, 1]` double columns; returns the `[N, 1]` logit. */
export function addLogRegLogit(
  g: GraphBuilder,
  { model, columns }: { model: LogRegModel; columns: readonly string[] },
): string {
  const column = (feature: number): string => {
    const name = columns[feature];
    if (name === undefined) throw new RangeError(`feature index ${feature} has no column`);
    return name;
  };
  const terms: string[] = [];
  if (model.numeric.length > 0) {
    terms.push(addNumericTerms(g, { model, inputs: model.numeric.map((t) => column(t.feature)) }));
  }
  for (const term of model.categorical) {
    terms.push(addCategoricalTerm(g, { term, code: column(term.feature) }));
  }
  const intercept = g.constant('intercept', {
    dataType: DataType.DOUBLE,
    dims: [1, 1],
    values: [model.intercept],
  });
  const sum = terms.length === 0 ? [] : [g.node('Sum', terms, { name: 'linear_terms' })];
  // Add broadcasts the [1, 1] intercept; with no terms the logit must still be [N, 1].
  const anyColumn = columns[0];
  if (sum.length === 0 && anyColumn !== undefined) {
    sum.push(
      g.node('ConstantOfShape', [g.node('Shape', [anyColumn], { name: 'batch_shape' })], {
        name: 'no_terms',
        attributes: {
          value: { type: 'tensor', value: { dataType: DataType.DOUBLE, dims: [1], values: [0] } },
        },
      }),
    );
  }
  return g.node('Add', [...sum, intercept], { name: 'logit' });
}

function addNumericTerms(
  g: GraphBuilder,
  { model, inputs }: { model: LogRegModel; inputs: readonly string[] },
): string {
  const row = (hint: string, values: readonly number[]) =>
    g.constant(hint, { dataType: DataType.DOUBLE, dims: [1, values.length], values });
  const x = concatColumns(g, inputs, 'numeric_matrix');
  const impute = row(
    'impute',
    model.numeric.map((t) => t.impute),
  );
  const imputed = g.node('Where', [g.node('IsNaN', [x], { name: 'numeric_nan' }), impute, x], {
    name: 'numeric_imputed',
  });
  const centred = g.node(
    'Sub',
    [
      imputed,
      row(
        'mean',
        model.numeric.map((t) => t.mean),
      ),
    ],
    {
      name: 'numeric_centred',
    },
  );
  const scaled = g.node(
    'Div',
    [
      centred,
      row(
        'scale',
        model.numeric.map((t) => t.scale),
      ),
    ],
    {
      name: 'numeric_scaled',
    },
  );
  const weights = g.constant('numeric_weights', {
    dataType: DataType.DOUBLE,
    dims: [model.numeric.length, 1],
    values: model.numeric.map((t) => t.weight),
  });
  return g.node('MatMul', [scaled, weights], { name: 'numeric_score' });
}

function addCategoricalTerm(
  g: GraphBuilder,
  { term, code }: { term: LogRegCategoricalTerm; code: string },
): string {
  const k = term.weights.length;
  // NaN equals nothing, so it is first moved to code k, the slot holding missingWeight.
  const missingSlot = g.constant('missing_code', {
    dataType: DataType.DOUBLE,
    dims: [],
    values: [k],
  });
  const slot = g.node('Where', [g.node('IsNaN', [code], { name: 'code_nan' }), missingSlot, code], {
    name: 'code_slot',
  });
  const codes = g.constant('codes', {
    dataType: DataType.DOUBLE,
    dims: [1, k + 1],
    values: Array.from({ length: k + 1 }, (_, i) => i),
  });
  const oneHot = g.node('Cast', [g.node('Equal', [slot, codes], { name: 'is_code' })], {
    name: 'one_hot',
    attributes: { to: { type: 'int', value: DataType.DOUBLE } },
  });
  const weights = g.constant('category_weights', {
    dataType: DataType.DOUBLE,
    dims: [k + 1, 1],
    values: [...term.weights, term.missingWeight],
  });
  return g.node('MatMul', [oneHot, weights], { name: 'category_score' });
}
