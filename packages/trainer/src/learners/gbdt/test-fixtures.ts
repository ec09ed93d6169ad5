/** Small seeded synthetic datasets for the GBDT tests (not part of the public API). */
import type { EncodedDataset, FeatureSpec } from '../../model/types.js';
import { createRng } from './rng.js';
import type { GbdtRng } from './rng.js';

export interface FixtureColumn {
  readonly spec: FeatureSpec;
  readonly draw: (rng: GbdtRng) => number;
}

/** Rows drawn column by column; the label is a function of the row's values (and noise). */
export function makeDataset(options: {
  rows: number;
  seed: number;
  columns: readonly FixtureColumn[];
  label: (values: readonly number[], rng: GbdtRng) => boolean;
}): EncodedDataset {
  const rng = createRng(options.seed);
  const columns = options.columns.map(() => new Float32Array(options.rows));
  const labels = new Uint8Array(options.rows);
  for (let r = 0; r < options.rows; r++) {
    const values = options.columns.map((c, f) => {
      const v = Math.fround(c.draw(rng));
      (columns[f] as Float32Array)[r] = v;
      return v;
    });
    labels[r] = options.label(values, rng) ? 1 : 0;
  }
  return { features: options.columns.map((c) => c.spec), rowCount: options.rows, columns, labels };
}

export const uniform = (name: string): FixtureColumn => ({
  spec: { name, kind: 'numeric' },
  draw: (rng) => rng.next() * 2 - 1,
});
