/**
 * Output CSV lines of a scored chunk, formatted where the chunk was scored (in the worker), so
 * the main thread only reads and writes. Kept as JavaScript source because workers are eval'd;
 * the same source is instantiated here for the main thread and the tests. Formatting equals
 * tabular's CSV writer: numbers with `String()`, NaN empty, text quoted as RFC 4180 needs.
 */
import { quoteCsvField, type Column } from '@champion/tabular';

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

/**
 * Source of `formatLines(format, scores, rows) => string[]` (one output line per row) and
 * `formatRows(format, scores, rows) => string` (those lines, each ending in `\n`).
 */
export const FORMAT_ROWS_SOURCE = `function formatLines(format, scores, rows) {
  const { probability, label } = scores;
  const keep = format.keep;
  const suffix = [',' + format.labels[0] + ',' + format.version, ',' + format.labels[1] + ',' + format.version];
  const lines = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let k = 0; k < keep.length; k++) {
      const column = keep[k];
      let cell;
      if (column.values !== undefined) {
        const v = column.values[r];
        cell = v !== v ? '' : String(v);
      } else if (column.texts !== undefined) {
        cell = column.texts[r];
      } else {
        const code = column.codes[r];
        cell = code >= 0 && code < column.quoted.length ? column.quoted[code] : '';
      }
      line += k === 0 ? cell : ',' + cell;
    }
    const p = probability[r];
    line += (keep.length === 0 ? '' : ',') + (p !== p ? '' : String(p)) + suffix[label[r] === 1n ? 1 : 0];
    lines[r] = line;
  }
  return lines;
}
function formatRows(format, scores, rows) {
  return rows === 0 ? '' : formatLines(format, scores, rows).join('\\n') + '\\n';
}`;

type Format<T> = (
  format: RowFormat,
  scores: { readonly probability: Float32Array; readonly label: BigInt64Array },
  rows: number,
) => T;

// The source above is a constant of this module.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const build = new Function(`${FORMAT_ROWS_SOURCE}\nreturn { formatLines, formatRows };`) as () => {
  formatLines: Format<string[]>;
  formatRows: Format<string>;
};
/** {@link FORMAT_ROWS_SOURCE} in this thread. */
export const { formatLines, formatRows } = build();

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
