/** Batches for warming a fresh session: the input example, and a synthetic 64-row batch. */
import type { FeatureBatch, ServedFeature } from './types.js';

/** The input example (pandas split orient) as a batch in `features` order; null → missing. */
export function exampleBatch(
  features: readonly ServedFeature[],
  example: { readonly columns: readonly string[]; readonly data: readonly (readonly unknown[])[] },
): FeatureBatch | undefined {
  const index = new Map(example.columns.map((name, i) => [name, i]));
  if (example.data.length === 0 || features.some((f) => !index.has(f.name))) return undefined;
  const rows = example.data.length;
  const columns = features.map((feature) => {
    const at = index.get(feature.name) ?? -1;
    if (feature.type === 'numeric') {
      const values = new Float32Array(rows);
      example.data.forEach((row, r) => {
        const v = row[at];
        values[r] = v === null || v === undefined || v === '' ? Number.NaN : Number(v);
      });
      return values;
    }
    return example.data.map((row) => {
      const v = row[at];
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  });
  return { rows, columns };
}

/** `rows` rows cycling through the training range and categories, with some missing values. */
export function syntheticBatch(features: readonly ServedFeature[], rows: number): FeatureBatch {
  const columns = features.map((feature) => {
    if (feature.type === 'numeric') {
      const lo = feature.min ?? 0;
      const hi = feature.max ?? 1;
      const values = new Float32Array(rows);
      for (let r = 0; r < rows; r++)
        values[r] = r % 16 === 15 ? Number.NaN : lo + ((hi - lo) * r) / rows;
      return values;
    }
    const categories = feature.categories ?? [];
    return Array.from({ length: rows }, (_, r) =>
      r % 16 === 15 || categories.length === 0 ? '' : (categories[r % categories.length] ?? ''),
    );
  });
  return { rows, columns };
}
