/**
 * The type-inference pass: one streaming scan (flat memory) deciding whether each column is
 * numeric or categorical, and finding "mostly numeric" columns whose few non-numbers are
 * probably data errors rather than a reason to treat the column as text.
 */
import { TabularError, formatCount } from './errors.js';
import type { BadValue } from './errors.js';
import { DEFAULT_MISSING_TOKENS, missingTest, parseNumber } from './reading-rules/index.js';
import { ROW_NUMBERING, clip, describeBadValue } from './problems.js';
import type { ColumnType, ReadOptions } from './read-options.js';
import type { RecordSource } from './source.js';

interface Stats {
  nonMissing: number;
  nonNumeric: number;
  samples: BadValue[];
}

/** Column types for the whole file, and the bad values found in mostly-numeric columns. */
export interface InferredTypes {
  readonly types: readonly ColumnType[];
  /** Non-numbers in columns inferred numeric; empty unless `onBadRows` is `set-aside`. */
  readonly badValueCount: number;
}

function resolveKnown(source: RecordSource, options: ReadOptions): (ColumnType | undefined)[] {
  const { header } = source;
  const known: (ColumnType | undefined)[] = header.map(() => undefined);
  const forced = options.categorical ?? [];
  for (const name of forced) {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new TabularError({
        code: 'COLUMN_NOT_FOUND',
        message: `${source.name}: column '${name}' (asked to be categorical) not found; columns are: ${header.join(', ')}`,
      });
    }
    known[i] = 'categorical';
  }
  const given = options.columnTypes ?? {};
  const absent = Object.keys(given).filter((name) => !header.includes(name));
  if (absent.length > 0) {
    throw new TabularError({
      code: 'COLUMN_NOT_FOUND',
      message: `${source.name}: column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} expected by the schema ${absent.length > 1 ? 'are' : 'is'} missing; the file has: ${header.join(', ')}`,
    });
  }
  header.forEach((name, i) => {
    const type = given[name];
    if (type !== undefined && known[i] === undefined) known[i] = type;
  });
  return known;
}

/** Decides each column's type, scanning the file only if some type is not known up front. */
export async function inferColumnTypes(
  source: RecordSource,
  options: ReadOptions,
): Promise<InferredTypes> {
  const known = resolveKnown(source, options);
  const unknown = known.flatMap((t, i) => (t === undefined ? [i] : []));
  if (unknown.length === 0) return { types: known as ColumnType[], badValueCount: 0 };

  const isMissing = missingTest(options.missing ?? DEFAULT_MISSING_TOKENS);
  const maxProblems = options.maxProblems ?? 20;
  const stats: Stats[] = source.header.map(() => ({ nonMissing: 0, nonNumeric: 0, samples: [] }));
  const width = source.header.length;
  let row = 0;
  for await (const batch of source.batches()) {
    for (const fields of batch.fields) {
      row++;
      if (fields.length !== width) continue; // reported by the reading pass
      for (const c of unknown) {
        const text = fields[c] as string;
        if (isMissing(text)) continue;
        const s = stats[c] as Stats;
        s.nonMissing++;
        if (Number.isNaN(parseNumber(text))) {
          s.nonNumeric++;
          if (s.samples.length < maxProblems) {
            s.samples.push({
              row,
              column: source.header[c] as string,
              value: clip(text),
              problem: 'is not a number',
            });
          }
        }
      }
    }
  }

  const threshold = options.mostlyNumericShare ?? 0.98;
  const types = known.slice();
  const suspicious: number[] = [];
  for (const c of unknown) {
    const s = stats[c] as Stats;
    if (s.nonNumeric === 0) types[c] = 'numeric';
    else if (s.nonNumeric <= (1 - threshold) * s.nonMissing) {
      types[c] = 'numeric';
      suspicious.push(c);
    } else types[c] = 'categorical';
  }
  const badValueCount = suspicious.reduce((sum, c) => sum + (stats[c] as Stats).nonNumeric, 0);
  if (suspicious.length > 0 && (options.onBadRows ?? 'reject') === 'reject') {
    throw mostlyNumericError({ source, stats, suspicious, maxProblems });
  }
  return { types: types as ColumnType[], badValueCount };
}

function mostlyNumericError(args: {
  source: RecordSource;
  stats: Stats[];
  suspicious: number[];
  maxProblems: number;
}): TabularError {
  const { source, stats, suspicious, maxProblems } = args;
  const details = suspicious.flatMap((c) => (stats[c] as Stats).samples).slice(0, maxProblems);
  const total = suspicious.reduce((sum, c) => sum + (stats[c] as Stats).nonNumeric, 0);
  const summaries = suspicious.map((c) => {
    const s = stats[c] as Stats;
    const name = source.header[c] as string;
    const tokens = [...new Set(s.samples.map((b) => `'${b.value}'`))].slice(0, 5).join(', ');
    return `column ${name} is numeric in ${formatCount(s.nonMissing - s.nonNumeric)} of ${formatCount(s.nonMissing)} non-missing values but has ${formatCount(s.nonNumeric)} that are not numbers (${tokens})`;
  });
  const names = suspicious.map((c) => source.header[c] as string);
  return new TabularError({
    code: 'BAD_VALUES',
    message:
      `${source.name}: ${summaries.join('; ')}.\n` +
      details.map((d) => `  ${describeBadValue(d)}`).join('\n') +
      (total > details.length ? `\n  … and ${formatCount(total - details.length)} more` : '') +
      `\n(${ROW_NUMBERING}.) Fix these values, add the token to the missing-value list if it means "missing", ` +
      `set the rows aside (onBadRows: 'set-aside'), or if the column really is text use ${names.map((n) => `--categorical ${n}`).join(' ')}.`,
    details,
    total,
  });
}
