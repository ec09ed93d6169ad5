/**
 * JavaScript source of a scoring function for an ensemble: the trees run in the program's
 * WebAssembly module (wasm-trees.ts), which sums each row's leaf weights in double in tree order;
 * then onnxruntime's Sigmoid, the float32 cast and the threshold, and the inputs' encoders.
 */

/**
 * Rows per call into the trees: their inputs and sums stay in the module's memory (and in cache)
 * while every tree reads them; 256 KB of memory at most for them whatever the batch (the leaf
 * table comes after).
 */
const SLICE_BYTES = 256 * 1024;
const MAX_SLICE_ROWS = 2048;

/** Where things are in the trees' memory (byte offsets), for rows of `width` float32 inputs. */
export interface TreesMemory {
  /** Rows per call; the matrix slice is at byte 0. */
  readonly sliceRows: number;
  /** The rows' sums (f64). */
  readonly accAt: number;
  /** The leaf weights (f64, by leaf index), written by the module itself (wasm-trees.ts). */
  readonly leafAt: number;
  readonly pages: number;
}

export function treesMemory(width: number, leaves: number): TreesMemory {
  const rowBytes = width * 4 + 8;
  const sliceRows = Math.max(1, Math.min(MAX_SLICE_ROWS, Math.floor(SLICE_BYTES / rowBytes)));
  const accAt = Math.ceil((sliceRows * width) / 2) * 8;
  const leafAt = accAt + sliceRows * 8;
  return { sliceRows, accAt, leafAt, pages: Math.ceil((leafAt + leaves * 8) / 65536) };
}

/** A double as JavaScript source that evaluates to exactly it. */
function literal(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isNaN(value)) return 'NaN';
  return String(value);
}

export function generate(args: {
  base: number;
  threshold: number;
  inputs: readonly { name: string; elemType: number }[];
  encoders: ReadonlyMap<number, { keys: string[]; values: number[] }>;
  memory: TreesMemory;
}): string {
  const { base, threshold, inputs, encoders } = args;
  const { sliceRows, accAt, pages } = args.memory;
  const width = inputs.length;
  const encoderSource = inputs.map((_, i) => {
    const encoder = encoders.get(i);
    if (encoder === undefined) return 'null';
    const pairs = encoder.keys.map(
      (k, j) => `[${JSON.stringify(k)}, ${literal(encoder.values[j] as number)}]`,
    );
    return `new Map([${pairs.join(', ')}])`;
  });
  return `((treesModule) => {
'use strict';
// The trees' memory: a slice of the matrix from byte 0, each row's sum of leaf weights after it.
const memory = new WebAssembly.Memory({ initial: ${pages} });
const trees = new WebAssembly.Instance(treesModule, { env: { memory } }).exports.trees;
const memX = new Float32Array(memory.buffer, 0, ${sliceRows * width});
const memAcc = new Float64Array(memory.buffer, ${accAt}, ${sliceRows});
const encoders = [${encoderSource.join(', ')}];
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const codeOf = (encoder, value) => { const code = encoder.get(value); return code === undefined ? NaN : code; };
// A string column as the doubles LabelEncoder makes of it (unknown and '' are NaN).
const encode = (encoder, column, n) => {
  const out = new Float64Array(n);
  if (Array.isArray(column)) {
    for (let i = 0; i < n; i++) out[i] = codeOf(encoder, column[i]);
    return out;
  }
  const byCode = column.dictionary.map((value) => codeOf(encoder, value));
  for (let i = 0; i < n; i++) out[i] = byCode[column.codes[i]];
  return out;
};
// One loop per array type, so each stays monomorphic.
const transpose32 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${width}) x[at] = values[i];
};
const transpose64 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${width}) x[at] = values[i];
};
// Scores n rows of a row-major float32 matrix x (n x ${width}): the probability of each row and
// whether it reaches the threshold. The block parser (batch/block-source.ts) fills x directly.
const matrix = (x, n) => {
  const probability = new Float32Array(n);
  const positive = new Uint8Array(n);
  for (let from = 0; from < n; from += ${sliceRows}) {
    const rows = Math.min(${sliceRows}, n - from);
    memX.set(x.subarray(from * ${width}, (from + rows) * ${width}));
    memAcc.fill(0);
    trees(0, rows, ${accAt});
    for (let r = 0; r < rows; r++) {
      const logit = memAcc[r] + ${literal(base)};
      // onnxruntime's double Sigmoid: 1 / (1 + e^-x) for x >= 0, 1 - 1 / (1 + e^x) below.
      const p = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : 1 - 1 / (1 + Math.exp(logit));
      const i = from + r;
      probability[i] = p;
      if (probability[i] >= ${literal(threshold)}) positive[i] = 1;
    }
  }
  return { probability, positive };
};
function score(columns, n) {
  // Row-major float32 (what the graph rounds inputs to; codes are float32 too): one base pointer
  // for every split, measured faster than reading one array per feature.
  const x = new Float32Array(n * ${width});
  for (let f = 0; f < ${width}; f++) {
    if (encoders[f] === null) transpose32(columns[f], x, f, n);
    else transpose64(encode(encoders[f], columns[f], n), x, f, n);
  }
  const { probability, positive } = matrix(x, n);
  const label = new BigInt64Array(n);
  // Labels are 0 or 1: written through 32-bit words (BigInt stores are slow), low word first.
  const words = new Int32Array(label.buffer);
  const low = littleEndian ? 0 : 1;
  for (let i = 0; i < n; i++) if (positive[i] === 1) words[2 * i + low] = 1;
  return { probability, label };
}
score.width = ${width};
score.matrix = matrix;
// What a string input's LabelEncoder makes of a text (NaN when unknown), as x holds it.
score.encode = (input, value) => (encoders[input] === null ? NaN : codeOf(encoders[input], value));
return score;
})`;
}
