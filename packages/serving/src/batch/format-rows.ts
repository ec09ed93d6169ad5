/**
 * Output CSV lines of a scored chunk, formatted where the chunk was scored (in the worker), so
 * the main thread only reads and writes; the same functions run on the main thread and in the
 * tests. Formatting equals
 * tabular's CSV writer: numbers with `String()`, NaN empty, text quoted as RFC 4180 needs.
 */
import type { Column } from '@champion/tabular';
import { quoteCsvField } from '@champion/tabular/reading-rules';

/**
 * A kept input column as the formatter takes it: numbers, codes into quoted texts, or cell texts
 * that need no quoting (the workers' block parser only keeps such fields).
 */
export type KeptColumn =
  | { readonly values: Float64Array }
  | { readonly codes: Int32Array; readonly quoted: readonly string[] }
  | { readonly texts: readonly string[] };

/** What the formatter needs besides the scores. */
export interface RowFormat {
  readonly keep: readonly KeptColumn[];
  /** Quoted label texts for 0 and 1. */
  readonly labels: readonly [string, string];
  /** The quoted model version. */
  readonly version: string;
}

type Scores = { readonly probability: Float32Array; readonly label: BigInt64Array };

/** One kept cell's text. */
function cellOf(column: KeptColumn, r: number): string {
  if ('values' in column) {
    const v = column.values[r] as number;
    return v !== v ? '' : String(v);
  }
  if ('texts' in column) return column.texts[r] as string;
  const code = column.codes[r] as number;
  return code >= 0 && code < column.quoted.length ? (column.quoted[code] as string) : '';
}

/** One output line per row: the kept cells, the probability, the label and the version. */
export function formatLines(format: RowFormat, scores: Scores, rows: number): string[] {
  const { probability, label } = scores;
  const keep = format.keep;
  const suffix = [
    `,${format.labels[0]},${format.version}`,
    `,${format.labels[1]},${format.version}`,
  ] as const;
  const lines = new Array<string>(rows);
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let k = 0; k < keep.length; k++) {
      const cell = cellOf(keep[k] as KeptColumn, r);
      line += k === 0 ? cell : `,${cell}`;
    }
    const p = probability[r] as number;
    line += (keep.length === 0 ? '' : ',') + (p !== p ? '' : String(p));
    lines[r] = line + suffix[label[r] === 1n ? 1 : 0];
  }
  return lines;
}

/** {@link formatLines}' lines, each ending in `\n`. */
export function formatRows(format: RowFormat, scores: Scores, rows: number): string {
  return rows === 0 ? '' : `${formatLines(format, scores, rows).join('\n')}\n`;
}

/** The formatter's view of the kept columns of a chunk, with the labels and version quoted. */
export function rowFormat(options: {
  kept: readonly Column[];
  labels: readonly [string, string];
  version: string;
}): RowFormat {
  return {
    keep: options.kept.map((column) =>
      column.kind === 'numeric'
        ? { values: column.values }
        : { codes: column.codes, quoted: column.dictionary.map(quoteCsvField) },
    ),
    labels: [quoteCsvField(options.labels[0]), quoteCsvField(options.labels[1])],
    version: quoteCsvField(options.version),
  };
}
