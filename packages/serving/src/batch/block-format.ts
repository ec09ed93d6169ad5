/**
 * The output lines of a block's rows as UTF-8 bytes: the same text as format-rows.ts's
 * `formatLines` (numbers with `String()`, NaN empty, kept texts as read), written without
 * building a string per line.
 */
import type { BlockLayout } from './block-reader.js';

/** A block's kept fields: numbers, or byte ranges of texts (from -1: missing; -2: re-encoded). */
export interface KeptFields {
  /** Per kept column: its numbers when it is a numeric feature, else null. */
  readonly values: (Float64Array | null)[];
  /** Per kept text column: each row's first byte, -1 (missing) or -2 (in `reencoded`). */
  readonly from: (Int32Array | null)[];
  /** Per kept text column: each row's end byte, or its index in `reencoded`. */
  readonly to: (Int32Array | null)[];
  readonly reencoded: Uint8Array[];
}

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const encoder = new TextEncoder();

/** Bytes the lines can take at most: kept texts as read, 25 bytes per number, the suffix. */
function sizeOf(kept: KeptFields, rows: number, suffixBytes: number): number {
  let size = rows * (26 * (kept.values.length + 1) + suffixBytes);
  kept.from.forEach((from, k) => {
    if (from === null) return;
    const to = kept.to[k] as Int32Array;
    for (let r = 0; r < rows; r++) {
      const a = from[r] as number;
      if (a >= 0) size += (to[r] as number) - a;
      else if (a === -2) size += (kept.reencoded[to[r] as number] as Uint8Array).length;
    }
  });
  return size;
}

/** Writes ASCII and bytes into `out`, at `at`. */
class LineWriter {
  at = 0;

  constructor(
    readonly out: Uint8Array,
    readonly block: { readonly bytes: Uint8Array; readonly kept: KeptFields },
  ) {}

  byte(b: number): void {
    this.out[this.at++] = b;
  }

  ascii(text: string): void {
    const { out } = this;
    let at = this.at;
    for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
    this.at = at;
  }

  bytes(bytes: Uint8Array): void {
    this.out.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** String(v), NaN as nothing. */
  number(v: number): void {
    if (v !== v) return;
    if (v !== Math.trunc(v) || v >= 9007199254740992 || v <= -9007199254740992) {
      this.ascii(String(v));
      return;
    }
    // An integer: its digits (String() prints integers below 2^53 the same way; -0 is "0").
    let m = v < 0 ? -v : v;
    if (v < 0) this.byte(MINUS);
    const first = this.at;
    do {
      const q = Math.floor(m / 10);
      this.byte(ZERO + (m - q * 10));
      m = q;
    } while (m > 0);
    this.out.subarray(first, this.at).reverse();
  }

  /** Kept column `k` of row `r`. */
  kept(k: number, r: number): void {
    const { kept, bytes } = this.block;
    const values = kept.values[k];
    if (values) return this.number(values[r] as number);
    const from = (kept.from[k] as Int32Array)[r] as number;
    const to = (kept.to[k] as Int32Array)[r] as number;
    if (from >= 0) this.bytes(bytes.subarray(from, to));
    else if (from === -2) this.bytes(kept.reencoded[to] as Uint8Array);
  }
}

/** The output lines of `rows` rows of a block, each ending in LF. */
export function formatBlockBytes(
  block: { bytes: Uint8Array; kept: KeptFields; layout: BlockLayout },
  scores: { probability: Float32Array; positive: Uint8Array },
  rows: number,
): Uint8Array {
  const { layout } = block;
  const { probability, positive } = scores;
  const suffix = [
    encoder.encode(`,${layout.labels[0]},${layout.version}\n`),
    encoder.encode(`,${layout.labels[1]},${layout.version}\n`),
  ] as const;
  const keeps = layout.keep.length;
  const out = new Uint8Array(
    sizeOf(block.kept, rows, Math.max(suffix[0].length, suffix[1].length)),
  );
  const w = new LineWriter(out, block);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < keeps; k++) {
      if (k > 0) w.byte(COMMA);
      w.kept(k, r);
    }
    if (keeps > 0) w.byte(COMMA);
    const p = probability[r] as number;
    if (p === p) w.ascii(String(p));
    w.bytes(suffix[positive[r] === 1 ? 1 : 0]);
  }
  return out.subarray(0, w.at);
}
