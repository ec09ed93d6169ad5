/**
 * The scoring function of a compiled program, as typed code over the program's numbers (no
 * source text): the trees run in the program's WebAssembly module (wasm-trees.ts), which sums
 * each row's leaf weights in double in tree order; then onnxruntime's Sigmoid, the float32 cast
 * and the threshold, and the inputs' encoders.
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

/** A category encoder as a program carries it: keys and their codes, in the graph's order. */
export interface EncoderSpec {
  readonly keys: readonly string[];
  readonly values: readonly number[];
}

/**
 * Everything a thread needs, besides the trees' module, to make the scoring function: plain data,
 * so a program can be posted to worker threads.
 */
export interface ScoreSpec {
  /** The graph's inputs: columns of the row-major matrix. */
  readonly width: number;
  /** Added to every row's sum of leaf weights (the logit's base score). */
  readonly base: number;
  /** A float32 value: `probability >= threshold` is the positive label. */
  readonly threshold: number;
  /** Per input: its LabelEncoder, or null for a numeric input. */
  readonly encoders: readonly (EncoderSpec | null)[];
  readonly memory: TreesMemory;
}

/** A compiled program's scoring function (see {@link makeScoreFunction}). */
export interface ScoreFunction {
  /**
   * Scores `rows` rows given as columns following the graph inputs: Float32Array for numeric
   * inputs; for string inputs an array of strings or `{ codes, dictionary }`.
   */
  (columns: readonly unknown[], rows: number): { probability: Float32Array; label: BigInt64Array };
  /** The graph's inputs: columns of the row-major matrix `matrix` reads. */
  readonly width: number;
  /**
   * Scores the first `rows` rows of a row-major float32 matrix of the inputs (string inputs as
   * `encode` gives them): each row's probability, and 1 where it reaches the threshold.
   */
  matrix(x: Float32Array, rows: number): { probability: Float32Array; positive: Uint8Array };
  /** What string input `input`'s LabelEncoder makes of `value`: its code, NaN when unknown. */
  encode(input: number, value: string): number;
}

/** A compiled `WebAssembly.Module` of a program's trees (opaque here). */
export type TreesModule = object;

interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
// Node's WebAssembly, as used here (@types/node does not declare it; no DOM types in this build).
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (
    module: TreesModule,
    imports: { env: { memory: WasmMemory } },
  ) => { exports: { trees: (from: number, rows: number, accAt: number) => void } };
};

/** A string column as the doubles LabelEncoder makes of it (unknown and '' are NaN). */
type StringColumn = readonly string[] | { codes: Int32Array; dictionary: readonly string[] };

const codeOf = (encoder: ReadonlyMap<string, number>, value: string): number =>
  encoder.get(value) ?? NaN;

function encodeColumn(
  encoder: ReadonlyMap<string, number>,
  column: StringColumn,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  if (Array.isArray(column)) {
    for (let i = 0; i < n; i++) out[i] = codeOf(encoder, column[i] as string);
    return out;
  }
  const { codes, dictionary } = column as { codes: Int32Array; dictionary: readonly string[] };
  const byCode = dictionary.map((value) => codeOf(encoder, value));
  for (let i = 0; i < n; i++) out[i] = byCode[codes[i] as number] as number;
  return out;
}

/** Writes `values` as column `f` of the row-major matrix `x` (`width` columns, `n` rows). */
function transpose(
  values: ArrayLike<number>,
  x: Float32Array,
  at: { f: number; width: number; n: number },
): void {
  const { f, width, n } = at;
  for (let i = 0, k = f; i < n; i++, k += width) x[k] = values[i] as number;
}

/** onnxruntime's double Sigmoid: 1 / (1 + e^-x) for x >= 0, 1 - 1 / (1 + e^x) below. */
function sigmoid(logit: number): number {
  return logit >= 0 ? 1 / (1 + Math.exp(-logit)) : 1 - 1 / (1 + Math.exp(logit));
}

/** The scoring function of `spec` over the program's compiled trees (once per thread). */
export function makeScoreFunction(spec: ScoreSpec, treesModule: TreesModule): ScoreFunction {
  const { width, base, threshold } = spec;
  const { sliceRows, accAt, pages } = spec.memory;
  // The trees' memory: a slice of the matrix from byte 0, each row's sum of leaf weights after it.
  const memory = new WebAssembly.Memory({ initial: pages });
  const trees = new WebAssembly.Instance(treesModule, { env: { memory } }).exports.trees;
  const memX = new Float32Array(memory.buffer, 0, sliceRows * width);
  const memAcc = new Float64Array(memory.buffer, accAt, sliceRows);
  const encoders = spec.encoders.map((e) =>
    e === null ? null : new Map(e.keys.map((k, j) => [k, e.values[j] as number])),
  );
  const matrix = (x: Float32Array, n: number): ReturnType<ScoreFunction['matrix']> => {
    const probability = new Float32Array(n);
    const positive = new Uint8Array(n);
    for (let from = 0; from < n; from += sliceRows) {
      const rows = Math.min(sliceRows, n - from);
      memX.set(x.subarray(from * width, (from + rows) * width));
      memAcc.fill(0);
      trees(0, rows, accAt);
      for (let r = 0; r < rows; r++) {
        const i = from + r;
        probability[i] = sigmoid((memAcc[r] as number) + base);
        if (probability[i] >= threshold) positive[i] = 1;
      }
    }
    return { probability, positive };
  };
  const score = (columns: readonly unknown[], n: number): ReturnType<ScoreFunction> => {
    // Row-major float32 (what the graph rounds inputs to; codes are float32 too): one base pointer
    // for every split, measured faster than reading one array per feature.
    const x = new Float32Array(n * width);
    for (let f = 0; f < width; f++) {
      const encoder = encoders[f];
      const values =
        encoder === null || encoder === undefined
          ? (columns[f] as ArrayLike<number>)
          : encodeColumn(encoder, columns[f] as StringColumn, n);
      transpose(values, x, { f, width, n });
    }
    const { probability, positive } = matrix(x, n);
    const label = new BigInt64Array(n);
    // Labels are 0 or 1: written through 32-bit words (BigInt stores are slow), low word first.
    const words = new Int32Array(label.buffer);
    const low = LITTLE_ENDIAN ? 0 : 1;
    for (let i = 0; i < n; i++) if (positive[i] === 1) words[2 * i + low] = 1;
    return { probability, label };
  };
  return Object.assign(score, {
    width,
    matrix,
    // What a string input's LabelEncoder makes of a text (NaN when unknown), as x holds it.
    encode: (input: number, value: string): number => {
      const encoder = encoders[input];
      return encoder === null || encoder === undefined ? NaN : codeOf(encoder, value);
    },
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
