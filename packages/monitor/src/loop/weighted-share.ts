/**
 * The importance-weighted drifted share: each column counts by the model's importance of it, so a
 * drifting column the model barely uses moves the share little. Columns the importances do not
 * name count 0; without any weight the plain share stands.
 */
import type { ColumnDrift } from './ports.js';

export function weightedShare(
  columns: readonly ColumnDrift[],
  importances: Readonly<Record<string, number>>,
): number | undefined {
  let total = 0;
  let drifted = 0;
  for (const column of columns) {
    const weight = Math.abs(importances[column.name] ?? 0);
    total += weight;
    if (column.drifted) drifted += weight;
  }
  return total > 0 ? drifted / total : undefined;
}
