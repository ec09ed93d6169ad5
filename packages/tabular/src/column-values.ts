import type { Column } from './table.js';

/** The value of a row as text, as a user wrote it ('' when missing); numbers via `String`. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row] ?? NaN;
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = column.codes[row] ?? -1;
  return code < 0 ? '' : (column.dictionary[code] ?? '');
}

export function isMissingAt(column: Column, row: number): boolean {
  return column.kind === 'numeric'
    ? Number.isNaN(column.values[row] ?? NaN)
    : (column.codes[row] ?? -1) < 0;
}

/** Counts of each distinct non-missing value (as text) and of missing rows. */
export function valueCounts(column: Column): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  let missing = 0;
  if (column.kind === 'categorical') {
    const byCode = new Float64Array(column.dictionary.length);
    for (const code of column.codes) {
      if (code < 0) missing++;
      else byCode[code] = (byCode[code] ?? 0) + 1;
    }
    column.dictionary.forEach((value, code) => {
      const n = byCode[code] ?? 0;
      if (n > 0) counts.set(value, (counts.get(value) ?? 0) + n);
    });
    return { counts, missing };
  }
  for (const v of column.values) {
    if (Number.isNaN(v)) missing++;
    else {
      const key = String(v);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { counts, missing };
}
