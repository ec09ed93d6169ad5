/**
 * `champion score --explain topN`: each scored row's N largest contributions (by magnitude, in
 * log-odds; ties in feature order) as output columns `reason_1`, `reason_1_contribution`, ...,
 * `reason_N`, `reason_N_contribution`. A positive contribution pushes towards the positive class.
 */
import type { BatchExplanations, ServedFeature } from '@champion/runtime';
import type { Column } from '@champion/tabular';
import { BatchError } from './errors.js';

/** Most reasons a row can carry. */
export const MAX_REASONS = 20;

/** Parses `topN` (N from 1 to MAX_REASONS); BAD_OPTIONS otherwise. */
export function parseExplainTop(value: string): number {
  const match = /^top([0-9]{1,2})$/.exec(value);
  const n = match ? Number(match[1]) : NaN;
  if (!(n >= 1 && n <= MAX_REASONS))
    throw new BatchError(
      'BAD_OPTIONS',
      `--explain must be topN with N from 1 to ${MAX_REASONS} (e.g. top3), got '${value}'`,
    );
  return n;
}

/** Column names of the reasons, in output order. */
export function reasonColumnNames(top: number): string[] {
  return Array.from({ length: top }, (_, k) => [
    `reason_${k + 1}`,
    `reason_${k + 1}_contribution`,
  ]).flat();
}

/** The reason columns of a chunk (zero rows: the header only). */
export function reasonColumns(options: {
  top: number;
  features: readonly ServedFeature[];
  explanations: BatchExplanations | undefined;
  rows: number;
}): Column[] {
  const { top, features, explanations, rows } = options;
  const count = features.length;
  const names = features.map((f) => f.name);
  const codes = Array.from({ length: top }, () => new Int32Array(rows).fill(-1));
  const values = Array.from({ length: top }, () => new Float64Array(rows).fill(NaN));
  const order = Array.from({ length: count }, (_, f) => f);
  for (let r = 0; r < rows && explanations !== undefined; r++) {
    const at = (f: number): number => explanations.contributions[r * count + f] ?? 0;
    order.sort((a, b) => Math.abs(at(b)) - Math.abs(at(a)) || a - b);
    for (let k = 0; k < Math.min(top, count); k++) {
      const f = order[k] ?? 0;
      (codes[k] as Int32Array)[r] = f;
      (values[k] as Float64Array)[r] = at(f);
    }
  }
  return codes.flatMap((c, k): Column[] => [
    { name: `reason_${k + 1}`, kind: 'categorical', codes: c, dictionary: names },
    { name: `reason_${k + 1}_contribution`, kind: 'numeric', values: values[k] as Float64Array },
  ]);
}
