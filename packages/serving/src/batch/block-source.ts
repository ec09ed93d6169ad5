/**
 * Parsing, scoring and formatting a block of CSV lines inside a scoring worker, so both cores
 * share the reading work instead of the main thread doing it alone. Kept as JavaScript source
 * (workers are eval'd), instantiated here too for the main thread and the tests.
 *
 * Only the common case is handled here: a line of the file's width whose numeric features are
 * empty, a missing token or a decimal (`-?\d+(\.\d+)?([eE][+-]?\d{1,3})?`, at most 15 digits and
 * a power of ten within 1e±22, where one correctly rounded operation gives what tabular's reader,
 * `Number(text)`, gives). Any other line comes back as a "slow" line, which the main
 * thread reads with tabular's full reader (other number formats, or a reject with its reason),
 * so what a row becomes never depends on which path read it.
 */

import { FORMAT_ROWS_SOURCE } from './format-rows.js';

/** Where the model's inputs and the kept columns are in the file's lines. */
export interface BlockLayout {
  /** Fields per line (the header's). */
  readonly width: number;
  /** For each model input, in input order: its field and whether it is numeric. */
  readonly features: readonly { readonly at: number; readonly numeric: boolean }[];
  /** For each kept column: its field, and whether it is a numeric feature (printed as a number). */
  readonly keep: readonly { readonly at: number; readonly numeric: boolean }[];
  /** Texts that mean "missing" (tabular's tokens; '' always). */
  readonly missing: readonly string[];
  /** Quoted label texts for 0 and 1, and the quoted model version. */
  readonly labels: readonly [string, string];
  readonly version: string;
}

/** What a block became: output lines (in order) and the lines left to the main thread. */
export interface BlockResult {
  /** Records (non-blank lines) in the block. */
  readonly records: number;
  /** Output lines of every record, joined; only when no line was slow. */
  readonly text?: string;
  /** Output line per record, `null` for slow ones; only when some line was slow. */
  readonly lines?: readonly (string | null)[];
  /** Slow lines: index among the block's records, and the line. */
  readonly slow: readonly { readonly index: number; readonly line: string }[];
}

/**
 * Source of `scoreBlock(text, layout, score) => BlockResult`, `score` being a compiled program's
 * scoring function. `text` holds whole lines (the last one may lack its line end). It calls
 * `formatLines` of format-rows.ts, whose source must be in the same scope.
 */
export const SCORE_BLOCK_SOURCE = `function scoreBlock(text, layout, score) {
  const width = layout.width;
  const features = layout.features;
  const keep = layout.keep;
  const missing = new Set(layout.missing);
  missing.add('');
  const role = new Int32Array(width).fill(-1); // feature index of each field, or -1
  for (let f = 0; f < features.length; f++) role[features[f].at] = f;
  const numeric = Uint8Array.from(features, (f) => (f.numeric ? 1 : 0));
  const keepOf = new Int32Array(width).fill(-1);
  for (let k = 0; k < keep.length; k++) keepOf[keep[k].at] = k;
  let capacity = 1;
  for (let at = text.indexOf('\\n'); at !== -1; at = text.indexOf('\\n', at + 1)) capacity++;
  const columns = features.map((f) => (f.numeric ? new Float32Array(capacity) : new Array(capacity)));
  const kept = keep.map(() => new Array(capacity));
  const slow = [];
  const fastIndex = []; // record index of each fast row
  const POW10 = [];
  for (let p = 0; p <= 22; p++) POW10.push(Number('1e' + p));
  let records = 0;
  let rows = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\\n', start);
    if (end === -1) end = n;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end === start) { start = next; continue; } // blank line: not a record
    const record = records++;
    let pos = start;
    let ok = true;
    for (let c = 0; c < width && ok; c++) {
      const f = role[c];
      const k = keepOf[c];
      let stop;
      if (f >= 0 && numeric[f] === 1) {
        // Parsed while looking for the field's end (no separate search for the comma).
        let i = pos;
        const negative = i < end && text.charCodeAt(i) === 45;
        if (negative) i++;
        let mantissa = 0, digits = 0, fraction = -1, exponent = 0, plain = true;
        for (; i < end; i++) {
          const code = text.charCodeAt(i);
          const d = code - 48;
          if (d >= 0 && d <= 9) { mantissa = mantissa * 10 + d; digits++; if (fraction >= 0) fraction++; }
          else if (code === 44) break;
          else if (d === -2 && fraction < 0 && digits > 0) fraction = 0;
          else if ((code === 101 || code === 69) && digits > 0 && fraction !== 0) {
            // An exponent (1e+05, 2.5E-3): sign, then one to three digits, then the field's end.
            i++;
            let sign = 1;
            if (i < end && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) {
              sign = text.charCodeAt(i) === 45 ? -1 : 1;
              i++;
            }
            let e = 0, eDigits = 0;
            for (; i < end; i++) {
              const ec = text.charCodeAt(i);
              if (ec === 44) break;
              const ed = ec - 48;
              if (ed < 0 || ed > 9 || ++eDigits > 3) { plain = false; break; }
              e = e * 10 + ed;
            }
            if (eDigits === 0) plain = false;
            exponent = sign * e;
            break;
          } else { plain = false; break; }
        }
        stop = i;
        if (!plain) {
          stop = text.indexOf(',', i);
          if (stop === -1 || stop > end) stop = end;
        }
        if (c === width - 1 ? stop !== end : stop === end) { ok = false; break; } // wrong width
        // Clinger's fast path: a mantissa under 2^53 and a power of ten up to 1e22 are exact
        // doubles, so one multiplication or division rounds correctly, as Number(text) does.
        const scale = exponent - (fraction > 0 ? fraction : 0);
        let value;
        if (plain && digits > 0 && digits <= 15 && fraction !== 0 && scale >= -22 && scale <= 22) {
          const magnitude = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
          value = negative ? -magnitude : magnitude;
        } else if (stop === pos || missing.has(text.slice(pos, stop))) value = NaN;
        else { ok = false; break; }
        columns[f][rows] = value;
        if (k >= 0) kept[k][rows] = value !== value ? '' : String(value);
      } else {
        stop = text.indexOf(',', pos);
        if (stop === -1 || stop > end) stop = end;
        if (c === width - 1 ? stop !== end : stop === end) { ok = false; break; } // wrong width
        const field = text.slice(pos, stop);
        const absent = missing.has(field);
        if (f >= 0) columns[f][rows] = absent ? '' : field;
        if (k >= 0) {
          if (field.indexOf('\\r') !== -1) { ok = false; break; } // would need quoting
          kept[k][rows] = absent ? '' : field;
        }
      }
      pos = stop + 1;
    }
    if (ok) { fastIndex.push(record); rows++; }
    else slow.push({ index: record, line: text.slice(start, end) });
    start = next;
  }
  const trimmed = columns.map((c) => (c.length === rows ? c : c.slice(0, rows)));
  const scores = score(trimmed, rows);
  const format = { keep: kept.map((texts) => ({ texts })), labels: layout.labels, version: layout.version };
  const out = formatLines(format, scores, rows);
  if (slow.length === 0) return { records, text: rows === 0 ? '' : out.join('\\n') + '\\n', slow };
  const lines = new Array(records).fill(null);
  for (let r = 0; r < rows; r++) lines[fastIndex[r]] = out[r];
  return { records, lines, slow };
}`;

type ScoreFunction = (
  columns: readonly unknown[],
  rows: number,
) => { probability: Float32Array; label: BigInt64Array };

type ScoreBlock = (text: string, layout: BlockLayout, score: ScoreFunction) => BlockResult;

// The source above is a constant of this module.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const build = new Function(
  `${FORMAT_ROWS_SOURCE}\nreturn ${SCORE_BLOCK_SOURCE};`,
) as () => ScoreBlock;
/** {@link SCORE_BLOCK_SOURCE} in this thread. */
export const scoreBlock = build();
