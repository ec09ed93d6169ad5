/**
 * The graph's front: one rank-1 input per feature, turned into `[N, 1]` double columns.
 * Categories become their training code through `LabelEncoder`; the empty string and unseen
 * categories map to NaN, which is exactly how the trainer encodes missing and unseen values.
 * Doubles hold every float32 input exactly, so tree routing is unchanged while scores are
 * summed at the precision of the in-memory predictor.
 */
import type { FeatureSpec } from '../model/types.js';
import { ML_DOMAIN, type GraphBuilder, DataType } from '@champion/onnx';

/** The symbolic batch dimension of every input and output. */
export const BATCH_DIM = 'N';

/** Declares the inputs and returns one `[N, 1]` double column per feature, in feature order. */
export function featureColumns(g: GraphBuilder, features: readonly FeatureSpec[]): string[] {
  const inputs = features.map((feature) =>
    g.input({
      name: feature.name,
      elemType: feature.kind === 'numeric' ? DataType.FLOAT : DataType.STRING,
      shape: [BATCH_DIM],
    }),
  );
  const axes = g.constant('axes_1', { dataType: DataType.INT64, dims: [1], values: [1] });
  return features.map((feature, index) => {
    const input = inputs[index] ?? feature.name;
    const float = feature.kind === 'numeric' ? input : encodeCategories(g, { input, feature });
    const column = g.node('Unsqueeze', [float, axes], { name: `${feature.name}_column` });
    return g.node('Cast', [column], {
      name: `${feature.name}_double`,
      attributes: { to: { type: 'int', value: DataType.DOUBLE } },
    });
  });
}

/** Concatenates `[N, 1]` columns into an `[N, F]` matrix. */
export function concatColumns(g: GraphBuilder, columns: readonly string[], name: string): string {
  return g.node('Concat', columns, { name, attributes: { axis: { type: 'int', value: 1 } } });
}

function encodeCategories(
  g: GraphBuilder,
  { input, feature }: { input: string; feature: FeatureSpec },
): string {
  const categories = feature.categories ?? [];
  // '' is how a missing category arrives, so it never gets a code even if training saw it.
  const keys: string[] = [];
  const codes: number[] = [];
  categories.forEach((category, code) => {
    if (category !== '') {
      keys.push(category);
      codes.push(code);
    }
  });
  if (keys.length === 0) {
    // LabelEncoder needs at least one key; a key no input can equal keeps the mapping total.
    keys.push('\u0000champion:no-category');
    codes.push(Number.NaN);
  }
  return g.node('LabelEncoder', [input], {
    domain: ML_DOMAIN,
    name: `${feature.name}_code`,
    attributes: {
      keys_strings: { type: 'strings', value: keys },
      values_floats: { type: 'floats', value: codes },
      default_float: { type: 'float', value: Number.NaN },
    },
  });
}
