/**
 * Which columns of a training CSV pandas' `read_csv` reads as int64: every field an integer
 * literal, none missing. The value alone does not tell: R writes 500000 as "5e+05", which
 * champion reads as a whole number and pandas as float64, and MLflow refuses float64 for a
 * `long` column. Parquet keeps its own column types, so there is nothing to scan (undefined).
 */
import { openSource } from '@champion/tabular';

/** What pandas' C parser reads as int64 (at most 18 digits: larger may overflow to float). */
const INTEGER_LITERAL = /^\s*[+-]?[0-9]{1,18}\s*$/;

/** The subset of `columns` whose every field in `path` is an integer literal. */
export async function integerTextColumns(
  path: string,
  columns: readonly string[],
): Promise<ReadonlySet<string> | undefined> {
  if (/\.(parquet|pq)$/i.test(path)) return undefined;
  const source = await openSource(path);
  try {
    const width = source.header.length;
    let open = columns.map((name) => source.header.indexOf(name)).filter((i) => i >= 0);
    for await (const batch of source.batches()) {
      for (const fields of batch.fields) {
        if (fields.length !== width) return new Set(); // a ragged file: claim nothing
        open = open.filter((i) => INTEGER_LITERAL.test(fields[i] ?? ''));
      }
      if (open.length === 0) break;
    }
    return new Set(open.map((i) => source.header[i] ?? ''));
  } finally {
    await source.close();
  }
}
