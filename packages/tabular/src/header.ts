import { TabularError } from './errors.js';

/** Rejects empty and duplicate column names, naming each offender and its position. */
export function checkHeader(header: readonly string[], source: string): void {
  const empty: number[] = [];
  const seen = new Map<string, number[]>();
  header.forEach((name, i) => {
    if (name.trim() === '') empty.push(i + 1);
    const positions = seen.get(name) ?? [];
    positions.push(i + 1);
    seen.set(name, positions);
  });
  const problems: string[] = [];
  if (empty.length > 0) problems.push(`empty column name at position ${empty.join(', ')}`);
  for (const [name, positions] of seen) {
    if (positions.length > 1 && name.trim() !== '') {
      problems.push(`duplicate column name '${name}' at positions ${positions.join(', ')}`);
    }
  }
  if (problems.length > 0) {
    throw new TabularError({
      code: 'BAD_HEADER',
      message: `${source}: bad header: ${problems.join('; ')}. Every column needs a unique, non-empty name in the first row.`,
    });
  }
}
