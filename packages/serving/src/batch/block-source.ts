/**
 * Parsing, scoring and formatting a block of CSV lines inside a scoring worker, so both cores
 * share the reading work instead of the main thread doing it alone. The block stays UTF-8 bytes
 * throughout: numbers are parsed from the bytes straight into the matrix the compiled trees read,
 * and output lines are written as bytes (only category names and slow lines become strings).
 * Kept as JavaScript source (workers are eval'd), instantiated here too for the main thread and
 * the tests. Given the WebAssembly reader (wasm-parse.ts, `useBlockParser`), plain lines are read
 * by it and the code below reads only the lines it stops at, by the same rules.
 *
 * Only the common case is handled here: a line of the file's width whose numeric features are
 * empty, a missing token or a decimal (`-?\d+(\.\d+)?([eE][+-]?\d{1,3})?`, at most 15 digits and
 * a power of ten within 1e±22, where one correctly rounded operation gives what tabular's reader,
 * `Number(text)`, gives). Any other line comes back as a "slow" line, which the main
 * thread reads with tabular's full reader (other number formats, or a reject with its reason),
 * so what a row becomes never depends on which path read it.
 */

import type { ScoreFunction } from '@champion/runtime';
import { FIELD_BYTES, HEADER_BYTES, PARSE_HEADER, TOKEN_BYTES } from './wasm-parse.js';

/** The most memory a worker's WebAssembly reader takes (well under wasm32's 4 GB). */
const PARSER_MAX_BYTES = 1 << 30;

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
  /** Output lines of every record as UTF-8, each ending in LF; only when no line was slow. */
  readonly bytes?: Uint8Array;
  /** Output line per record, `null` for slow ones; only when some line was slow. */
  readonly lines?: readonly (string | null)[];
  /** Slow lines: index among the block's records, and the line. */
  readonly slow: readonly { readonly index: number; readonly line: string }[];
}

/**
 * Source of `scoreBlock(bytes, layout, score) => BlockResult`, `score` being a compiled program's
 * scoring function (its `matrix` and `encode` members). `bytes` holds whole UTF-8 lines (the last
 * one may lack its line end). The lines are read, scored and formatted as bytes: no text is
 * decoded but category names, and the parsed inputs go straight into the matrix the trees read.
 */
export const SCORE_BLOCK_SOURCE = `// Helpers live out here, not as closures in scoreBlock: a closure made anew on every call makes
// V8 throw away scoreBlock's compiled code on the next block ("wrong call target"), and so does
// a property added to scoreBlock itself; measured, the second block took 0.35-0.7 s, not 0.07.
const blockUtf8 = new TextDecoder();
const blockEncoder = new TextEncoder();
const POW10 = [];
for (let p = 0; p <= 22; p++) POW10.push(Number('1e' + p));
// The matrix the trees read, kept from block to block.
let blockMatrix = new Float32Array(0);
// The WebAssembly reader of plain lines (batch/wasm-parse.ts), once useBlockParser gave one.
let parserModule = null;
let parserMemory = null;
let parserRun = null;
// Rows the WebAssembly reader has read in this thread (the tests check which reader read).
let parserRows = 0;
function useBlockParser(module) {
  parserModule = module;
}
const PARSE = ${JSON.stringify(PARSE_HEADER)};
const align8 = (v) => Math.ceil(v / 8) * 8;
// Lays out the parser's memory for a block (a new memory when it is too small: growing one would
// detach its buffer, which slows every typed-array access in this thread); null when the layout
// has a missing token it does not compare (over ${TOKEN_BYTES - 1} bytes).
function parserSetup(bytes, layout, capacity, role, numeric, keepOf, tokens) {
  if (parserModule === null || tokens.some((t) => t.length >= ${TOKEN_BYTES})) return null;
  const width = layout.width;
  const inputs = layout.features.length;
  const keeps = layout.keep.length;
  const catSlot = new Int32Array(inputs).fill(-1);
  let cats = 0;
  for (let f = 0; f < inputs; f++) if (numeric[f] === 0) catSlot[f] = cats++;
  const n = bytes.length;
  const fieldsAt = ${HEADER_BYTES};
  const tokensAt = fieldsAt + width * ${FIELD_BYTES};
  const pow10At = align8(tokensAt + tokens.length * ${TOKEN_BYTES});
  const inputAt = pow10At + 23 * 8;
  const xAt = align8(inputAt + n);
  const kvAt = align8(xAt + capacity * inputs * 4);
  const kfAt = kvAt + keeps * capacity * 8;
  const ktAt = kfAt + keeps * capacity * 4;
  const cfAt = ktAt + keeps * capacity * 4;
  const ctAt = cfAt + cats * capacity * 4;
  const end = ctAt + cats * capacity * 4;
  // A block too big for the reader's memory (a line of hundreds of MB) is left to the code below.
  if (end > ${PARSER_MAX_BYTES}) return null;
  if (parserMemory === null || parserMemory.buffer.byteLength < end) {
    parserMemory = new WebAssembly.Memory({ initial: Math.ceil(Math.min(end * 1.25, ${PARSER_MAX_BYTES}) / 65536) });
    parserRun = new WebAssembly.Instance(parserModule, { env: { memory: parserMemory } }).exports.parse;
  }
  const buffer = parserMemory.buffer;
  const header = new Int32Array(buffer, 0, ${HEADER_BYTES} / 4);
  const cells = {
    width, inputs, n, input: inputAt, cap: capacity, x: xAt, keptValues: kvAt, keptFrom: kfAt,
    keptTo: ktAt, catFrom: cfAt, catTo: ctAt, tokens: tokensAt, tokenCount: tokens.length,
    fields: fieldsAt, pow10: pow10At,
  };
  for (const name in cells) header[PARSE[name] / 4] = cells[name];
  const fields = new Int32Array(buffer, fieldsAt, width * ${FIELD_BYTES / 4});
  for (let c = 0; c < width; c++) {
    const f = role[c];
    fields[c * 4] = f;
    fields[c * 4 + 1] = f >= 0 ? numeric[f] : 0;
    fields[c * 4 + 2] = keepOf[c];
    fields[c * 4 + 3] = f >= 0 ? catSlot[f] : -1;
  }
  const memoryBytes = new Uint8Array(buffer);
  tokens.forEach((t, i) => {
    memoryBytes[tokensAt + i * ${TOKEN_BYTES}] = t.length;
    memoryBytes.set(t, tokensAt + i * ${TOKEN_BYTES} + 1);
  });
  new Float64Array(buffer, pow10At, 23).set(POW10);
  memoryBytes.set(bytes, inputAt);
  return {
    header,
    run: parserRun,
    x: new Float32Array(buffer, xAt, capacity * inputs),
    keptValues: layout.keep.map((k, i) => (k.numeric ? new Float64Array(buffer, kvAt + i * capacity * 8, capacity) : null)),
    keptFrom: layout.keep.map((k, i) => (k.numeric ? null : new Int32Array(buffer, kfAt + i * capacity * 4, capacity))),
    keptTo: layout.keep.map((k, i) => (k.numeric ? null : new Int32Array(buffer, ktAt + i * capacity * 4, capacity))),
    catSlot,
    catFrom: Array.from({ length: cats }, (_, i) => new Int32Array(buffer, cfAt + i * capacity * 4, capacity)),
    catTo: Array.from({ length: cats }, (_, i) => new Int32Array(buffer, ctAt + i * capacity * 4, capacity)),
  };
}
// The text of bytes [from, to).
function blockText(bytes, from, to) {
  return blockUtf8.decode(bytes.subarray(from, to));
}
// Whether the field ending at i ends the line (LF, the block's end, or CR before either).
function lineEnd(bytes, n, i) {
  return i === n || bytes[i] === 10 || (bytes[i] === 13 && (i + 1 === n || bytes[i + 1] === 10));
}
// The text of field [from, to) when it may be a missing token ('' when empty), otherwise null.
function tokenText(bytes, from, to, tokenStart, tokenBytes) {
  if (to === from) return '';
  return to - from <= tokenBytes && tokenStart[bytes[from]] === 1 ? blockText(bytes, from, to) : null;
}
// The categories of rows [from, to) the WebAssembly reader left as byte ranges, looked up as the
// reader below does it.
function encodeCategories(block, from, to) {
  const { bytes, x, inputs, numeric, wasm, score, missing, tokenStart, tokenBytes } = block;
  for (let f = 0; f < inputs; f++) {
    if (numeric[f] === 1) continue;
    const starts = wasm.catFrom[wasm.catSlot[f]];
    const ends = wasm.catTo[wasm.catSlot[f]];
    for (let r = from; r < to; r++) {
      const a = starts[r];
      const b = ends[r];
      let ascii = true;
      for (let i = a; i < b; i++) if (bytes[i] >= 128) { ascii = false; break; }
      const t = tokenText(bytes, a, b, tokenStart, tokenBytes);
      const absent = t !== null && missing.has(t);
      const value = absent ? '' : ascii && b - a <= 64 ? String.fromCharCode.apply(null, bytes.subarray(a, b)) : blockText(bytes, a, b);
      x[r * inputs + f] = score.encode(f, value);
    }
  }
}
function scoreBlock(bytes, layout, score) {
  const width = layout.width;
  const features = layout.features;
  const inputs = features.length;
  const keep = layout.keep;
  const missing = new Set(layout.missing);
  missing.add('');
  // Only a field starting with one of these bytes can be a missing token (or is empty).
  const tokenStart = new Uint8Array(256);
  let tokenBytes = 0;
  for (const token of missing) {
    const encoded = blockEncoder.encode(token);
    if (encoded.length > 0) tokenStart[encoded[0]] = 1;
    tokenBytes = Math.max(tokenBytes, encoded.length);
  }
  const role = new Int32Array(width).fill(-1); // feature index of each field, or -1
  for (let f = 0; f < inputs; f++) role[features[f].at] = f;
  const numeric = Uint8Array.from(features, (f) => (f.numeric ? 1 : 0));
  const keepOf = new Int32Array(width).fill(-1);
  for (let k = 0; k < keep.length; k++) keepOf[keep[k].at] = k;
  const n = bytes.length;
  // A record has at least width - 1 commas and a line end: this bounds the rows of the block.
  const capacity = Math.floor(n / Math.max(1, width)) + 1;
  const tokens = [...missing].filter((t) => t !== '').map((t) => blockEncoder.encode(t));
  const wasm = parserSetup(bytes, layout, capacity, role, numeric, keepOf, tokens);
  if (wasm === null && blockMatrix.length < capacity * inputs) blockMatrix = new Float32Array(capacity * inputs);
  const x = wasm === null ? blockMatrix : wasm.x;
  // Kept fields: the parsed number, or the field's byte range (start -1: missing; -2: re-encoded).
  const keptValues = wasm === null ? keep.map((k) => (k.numeric ? new Float64Array(capacity) : null)) : wasm.keptValues;
  const keptFrom = wasm === null ? keep.map((k) => (k.numeric ? null : new Int32Array(capacity))) : wasm.keptFrom;
  const keptTo = wasm === null ? keep.map((k) => (k.numeric ? null : new Int32Array(capacity))) : wasm.keptTo;
  const reencoded = [];
  const slow = [];
  const fastIndex = []; // record index of each fast row
  let records = 0;
  let rows = 0;
  let pos = 0;
  while (pos < n) {
    if (wasm !== null) {
      // The plain lines from here, in WebAssembly; it stops at a line for the code below.
      wasm.run(pos, rows);
      const upTo = wasm.header[PARSE.rows / 4];
      for (let r = rows; r < upTo; r++) fastIndex.push(records++);
      parserRows += upTo - rows;
      if (wasm.catFrom.length > 0) encodeCategories({ bytes, x, inputs, numeric, wasm, score, missing, tokenStart, tokenBytes }, rows, upTo);
      rows = upTo;
      pos = wasm.header[PARSE.pos / 4];
      if (pos >= n) break;
    }
    const start = pos;
    if (bytes[pos] === 10) { pos++; continue; } // blank line: not a record
    if (bytes[pos] === 13 && (pos + 1 === n || bytes[pos + 1] === 10)) { pos += 2; continue; }
    const record = records++;
    const base = rows * inputs;
    let ok = true;
    let stop = pos;
    for (let c = 0; c < width; c++) {
      const f = role[c];
      const k = keepOf[c];
      if (f >= 0 && numeric[f] === 1) {
        // Parsed while looking for the field's end (no separate search for the comma).
        let i = pos;
        const negative = i < n && bytes[i] === 45;
        if (negative) i++;
        let mantissa = 0, digits = 0, fraction = -1, exponent = 0, plain = true;
        let code = -1;
        for (; i < n; i++) { // the integer part
          code = bytes[i];
          const d = code - 48;
          if (d < 0 || d > 9) break;
          mantissa = mantissa * 10 + d;
          digits++;
        }
        if (i === n) code = -1;
        // A fraction of zeros (20000.0, common in exported files) leaves the whole part as it is.
        let whole = 0, zeros = true;
        if (code === 46 && digits > 0) {
          whole = mantissa;
          fraction = 0;
          for (i++, code = -1; i < n; i++) {
            code = bytes[i];
            const d = code - 48;
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d;
            digits++;
            fraction++;
            if (d !== 0) zeros = false;
          }
          if (i === n) code = -1;
        }
        if ((code === 101 || code === 69) && digits > 0 && fraction !== 0) {
          // An exponent (1e+05, 2.5E-3): sign, then one to three digits, then the field's end.
          i++;
          let sign = 1;
          if (i < n && (bytes[i] === 43 || bytes[i] === 45)) {
            sign = bytes[i] === 45 ? -1 : 1;
            i++;
          }
          let e = 0, eDigits = 0;
          for (code = -1; i < n; i++) {
            code = bytes[i];
            if (code === 44 || code === 10 || code === 13) break;
            const ed = code - 48;
            if (ed < 0 || ed > 9 || ++eDigits > 3) { plain = false; break; }
            e = e * 10 + ed;
          }
          if (i === n) code = -1;
          if (eDigits === 0) plain = false;
          exponent = sign * e;
        }
        if (code !== 44 && code !== 10 && code !== 13 && code !== -1) plain = false;
        stop = i;
        // A CR ends the field only before the line's end; anywhere else it is part of the text.
        if (plain && stop < n && bytes[stop] === 13 && !lineEnd(bytes, n, stop)) plain = false;
        if (!plain) {
          while (stop < n && bytes[stop] !== 44 && bytes[stop] !== 10) stop++;
          if (stop > pos && bytes[stop - 1] === 13 && (stop === n || bytes[stop] === 10)) stop--;
        }
        if (c === width - 1 ? !lineEnd(bytes, n, stop) : bytes[stop] !== 44) { ok = false; break; } // wrong width
        // Clinger's fast path: a mantissa under 2^53 and a power of ten up to 1e22 are exact
        // doubles, so one multiplication or division rounds correctly, as Number(text) does.
        const scale = exponent - (fraction > 0 ? fraction : 0);
        let value;
        if (plain && digits > 0 && digits <= 15 && fraction !== 0 && scale >= -22 && scale <= 22) {
          const magnitude =
            zeros && fraction > 0 && exponent === 0 ? whole
            : scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
          value = negative ? -magnitude : magnitude;
        } else {
          const t = tokenText(bytes, pos, stop, tokenStart, tokenBytes);
          if (t !== null && missing.has(t)) value = NaN;
          else { ok = false; break; }
        }
        x[base + f] = value;
        if (k >= 0) keptValues[k][rows] = value;
      } else {
        stop = pos;
        while (stop < n && bytes[stop] !== 44 && bytes[stop] !== 10) stop++;
        if (c === width - 1) {
          if (bytes[stop] === 44) { ok = false; break; } // wrong width
          if (stop > pos && bytes[stop - 1] === 13) stop--; // the line's CR
        } else if (bytes[stop] !== 44) { ok = false; break; }
        let ascii = true;
        for (let i = pos; i < stop; i++) if (bytes[i] >= 128) { ascii = false; break; }
        const t = tokenText(bytes, pos, stop, tokenStart, tokenBytes);
        const absent = t !== null && missing.has(t);
        if (f >= 0) {
          const value = absent ? '' : ascii && stop - pos <= 64 ? String.fromCharCode.apply(null, bytes.subarray(pos, stop)) : blockText(bytes, pos, stop);
          x[base + f] = score.encode(f, value);
        }
        if (k >= 0) {
          let cr = false;
          for (let i = pos; i < stop; i++) if (bytes[i] === 13) { cr = true; break; }
          if (cr) { ok = false; break; } // would need quoting
          if (absent) keptFrom[k][rows] = -1;
          else if (ascii) { keptFrom[k][rows] = pos; keptTo[k][rows] = stop; }
          else { keptFrom[k][rows] = -2; keptTo[k][rows] = reencoded.length; reencoded.push(blockEncoder.encode(blockText(bytes, pos, stop))); }
        }
      }
      pos = stop + 1;
    }
    if (ok) {
      fastIndex.push(record);
      rows++;
      // The next line starts after the LF (after CR LF when the last field ended at the CR).
      pos = stop < n && bytes[stop] === 13 ? stop + 2 : stop + 1;
    } else {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = n;
      pos = end + 1;
      if (end > start && bytes[end - 1] === 13) end--;
      slow.push({ index: record, line: blockText(bytes, start, end) });
    }
  }
  const scores = score.matrix(x, rows);
  const out = formatBytes({ keep, keptValues, keptFrom, keptTo, reencoded, bytes, labels: layout.labels, version: layout.version }, scores, rows);
  if (slow.length === 0) return { records, bytes: out, slow };
  const formatted = rows === 0 ? [] : blockUtf8.decode(out).split(String.fromCharCode(10));
  const lines = new Array(records).fill(null);
  for (let r = 0; r < rows; r++) lines[fastIndex[r]] = formatted[r];
  return { records, lines, slow };
}
// Writes String(v) (NaN: nothing) at out[at] as ASCII; returns the position after it.
function writeNumber(out, at, v, digits) {
  if (v !== v) return at;
  if (v === Math.trunc(v) && v < 9007199254740992 && v > -9007199254740992) {
    // An integer: its digits (String() prints integers below 2^53 the same way; -0 is "0").
    let m = v < 0 ? -v : v;
    if (v < 0) out[at++] = 45;
    let d = 0;
    do { const q = Math.floor(m / 10); digits[d++] = 48 + (m - q * 10); m = q; } while (m > 0);
    while (d > 0) out[at++] = digits[--d];
    return at;
  }
  const s = String(v);
  for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i);
  return at;
}
// The output lines of a block's rows, as UTF-8 (formatLines's text, without building strings).
function formatBytes(block, scores, rows) {
  const { keep, keptValues, keptFrom, keptTo, reencoded, bytes } = block;
  const { probability, positive } = scores;
  const suffix = [blockEncoder.encode(',' + block.labels[0] + ',' + block.version + String.fromCharCode(10)), blockEncoder.encode(',' + block.labels[1] + ',' + block.version + String.fromCharCode(10))];
  // Longest line: kept text as read (or re-encoded), 25 bytes per number, the suffix.
  let size = rows * (26 * (keep.length + 1) + Math.max(suffix[0].length, suffix[1].length));
  for (let k = 0; k < keep.length; k++) {
    const from = keptFrom[k];
    if (from === null) continue;
    for (let r = 0; r < rows; r++) {
      if (from[r] >= 0) size += keptTo[k][r] - from[r];
      else if (from[r] === -2) size += reencoded[keptTo[k][r]].length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  const digits = new Uint8Array(24);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < keep.length; k++) {
      if (k > 0) out[at++] = 44;
      const values = keptValues[k];
      if (values !== null) { at = writeNumber(out, at, values[r], digits); continue; }
      const from = keptFrom[k][r];
      if (from >= 0) { const to = keptTo[k][r]; for (let i = from; i < to; i++) out[at++] = bytes[i]; }
      else if (from === -2) { const e = reencoded[keptTo[k][r]]; out.set(e, at); at += e.length; }
    }
    if (keep.length > 0) out[at++] = 44;
    const p = probability[r];
    if (p === p) { const s = String(p); for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i); }
    const tail = suffix[positive[r]];
    for (let i = 0; i < tail.length; i++) out[at++] = tail[i];
  }
  return out.subarray(0, at);
}`;

type ScoreBlock = (bytes: Uint8Array, layout: BlockLayout, score: ScoreFunction) => BlockResult;

// The source above is a constant of this module.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const build = new Function(
  `${SCORE_BLOCK_SOURCE}\nreturn { scoreBlock, useBlockParser, parserRows: () => parserRows };`,
) as () => {
  scoreBlock: ScoreBlock;
  useBlockParser: (module: object) => void;
  parserRows: () => number;
};

/** {@link SCORE_BLOCK_SOURCE}'s reader in this thread (one of its own). */
export interface BlockReader {
  readonly scoreBlock: ScoreBlock;
  /** Rows the WebAssembly reader has read so far (0 without one). */
  rowsReadByParser(): number;
}

/** A block reader; with `parser` (wasm-parse.ts's `parserModuleOf()`), plain lines are read in WebAssembly. */
export function blockReader(parser?: object): BlockReader {
  const reader = build();
  if (parser !== undefined) reader.useBlockParser(parser);
  return { scoreBlock: reader.scoreBlock, rowsReadByParser: reader.parserRows };
}
