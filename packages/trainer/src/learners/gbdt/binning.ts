/**
 * Per-feature bin mappers (LightGBM's quantile "greedy" bins) and the row-major binned matrix.
 *
 * Every feature gets value bins plus one missing bin (always the last). Numeric bin boundaries
 * are float32 values strictly separating two adjacent distinct training values
 * (`lower <= boundary < upper`), so `x <= boundary` on float32 inputs routes exactly like the
 * bins. Categorical features get one bin per category (most frequent first); categories beyond
 * the bin budget share the missing bin.
 */
import type { EncodedDataset } from '../../model/types.js';
import type { GbdtRng } from './rng.js';

export interface NumericBinMapper {
  readonly kind: 'numeric';
  /** Value bins + 1 (the missing bin, index `numBins - 1`). */
  readonly numBins: number;
  /** Upper bound of each value bin (float32 values; the last is +Infinity). */
  readonly upperBounds: Float64Array;
  /** Whether the training sample had missing values (else NaN direction is a guess). */
  readonly sawMissing: boolean;
}

export interface CategoricalBinMapper {
  readonly kind: 'categorical';
  readonly numBins: number;
  /** Category code of each value bin. */
  readonly binToCode: Int32Array;
  /** Bin of each code (`-1`: the missing bin). */
  readonly codeToBin: Int32Array;
  /** Codes seen in training that share the missing bin (over the bin budget). */
  readonly overflowCodes: readonly number[];
  readonly sawMissing: boolean;
}

export type BinMapper = NumericBinMapper | CategoricalBinMapper;

/** Features per block of the row-major matrix: the histogram kernel is unrolled over one block. */
export const FEATURE_BLOCK = 8;

/**
 * The binned training data in two layouts: per-feature columns of local bins (partitioning and
 * tree walks touch one feature) and a row-major matrix of the same local bins, `rowStride` bytes
 * (or 16-bit words) per row with the features padded to whole blocks of {@link FEATURE_BLOCK}, so
 * histogram construction reads one cache line per row (LightGBM's row-wise layout) and its inner
 * loop is a fixed-width unrolled block. One byte per bin when no feature has more than 256 bins.
 */
export interface BinnedMatrix {
  readonly columns: readonly (Uint8Array | Uint16Array)[];
  /** `rowBins[row * rowStride + feature]` = the feature's local bin; padding entries are 0. */
  readonly rowBins: Uint8Array | Uint16Array;
  /** `numFeatures` rounded up to a multiple of {@link FEATURE_BLOCK}. */
  readonly rowStride: number;
  /** First histogram bin of each feature (`binOffsets[f] + localBin`). */
  readonly binOffsets: Int32Array;
  readonly totalBins: number;
  readonly numFeatures: number;
  readonly rowCount: number;
}

/** A float32 threshold `t` with `lower <= t < upper` (LightGBM's midpoint, rounded safely). */
export function separatingThreshold(lower: number, upper: number): number {
  const mid = Math.fround(lower / 2 + upper / 2);
  return mid >= upper || mid < lower || Number.isNaN(mid) ? lower : mid;
}

interface Distinct {
  readonly values: Float64Array;
  readonly counts: Int32Array;
}

function distinctSorted(sorted: Float32Array): Distinct {
  const values = new Float64Array(sorted.length);
  const counts = new Int32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (n > 0 && values[n - 1] === v) counts[n - 1] = (counts[n - 1] as number) + 1;
    else {
      values[n] = v;
      counts[n++] = 1;
    }
  }
  return { values: values.subarray(0, n), counts: counts.subarray(0, n) };
}

/** LightGBM's GreedyFindBin, with float32-safe boundaries. */
function greedyUpperBounds(
  d: Distinct,
  options: { maxBin: number; minDataInBin: number },
): number[] {
  const { values, counts } = d;
  const n = values.length;
  const bounds: number[] = [];
  if (n === 0) return [Infinity];
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[i] as number;
  if (n <= options.maxBin) {
    let inBin = 0;
    for (let i = 0; i < n - 1; i++) {
      inBin += counts[i] as number;
      if (inBin >= options.minDataInBin) {
        bounds.push(separatingThreshold(values[i] as number, values[i + 1] as number));
        inBin = 0;
      }
    }
    bounds.push(Infinity);
    return bounds;
  }
  let maxBin = options.maxBin;
  if (options.minDataInBin > 0)
    maxBin = Math.max(1, Math.min(maxBin, Math.floor(total / options.minDataInBin)));
  let meanBinSize = total / maxBin;
  let restBins = maxBin;
  let restSamples = total;
  const isBig = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((counts[i] as number) >= meanBinSize) {
      isBig[i] = 1;
      restBins--;
      restSamples -= counts[i] as number;
    }
  }
  meanBinSize = restSamples / restBins;
  const uppers: number[] = [];
  const lowers: number[] = [values[0] as number];
  let inBin = 0;
  for (let i = 0; i < n - 1; i++) {
    if (isBig[i] === 0) restSamples -= counts[i] as number;
    inBin += counts[i] as number;
    if (
      isBig[i] === 1 ||
      inBin >= meanBinSize ||
      (isBig[i + 1] === 1 && inBin >= Math.max(1, meanBinSize * 0.5))
    ) {
      uppers.push(values[i] as number);
      lowers.push(values[i + 1] as number);
      if (uppers.length >= maxBin - 1) break;
      inBin = 0;
      if (isBig[i] === 0) {
        restBins--;
        meanBinSize = restSamples / restBins;
      }
    }
  }
  for (let i = 0; i < uppers.length; i++) {
    bounds.push(separatingThreshold(uppers[i] as number, lowers[i + 1] as number));
  }
  bounds.push(Infinity);
  return bounds;
}

function numericMapper(
  sample: Float32Array,
  options: { maxBin: number; minDataInBin: number; sampleSize: number },
): NumericBinMapper {
  const buffer = new Float32Array(sample.length);
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i] as number;
    if (!Number.isNaN(v)) buffer[n++] = v;
  }
  const present = buffer.subarray(0, n).sort();
  const upperBounds = Float64Array.from(
    greedyUpperBounds(distinctSorted(present), {
      maxBin: options.maxBin - 1,
      minDataInBin: options.minDataInBin,
    }),
  );
  return {
    kind: 'numeric',
    numBins: upperBounds.length + 1,
    upperBounds,
    sawMissing: present.length < options.sampleSize,
  };
}

function categoricalMapper(column: Float32Array, maxBin: number): CategoricalBinMapper {
  const counts = new Map<number, number>();
  let sawMissing = false;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (Number.isInteger(v) && v >= 0) counts.set(v, (counts.get(v) ?? 0) + 1);
    else sawMissing = true;
  }
  // Most frequent first, ties by code, so the mapping is deterministic.
  const codes = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const kept = codes.slice(0, maxBin - 1);
  const maxCode = codes.reduce((m, c) => Math.max(m, c), -1);
  const codeToBin = new Int32Array(maxCode + 1).fill(-1);
  kept.forEach((code, bin) => (codeToBin[code] = bin));
  return {
    kind: 'categorical',
    numBins: kept.length + 1,
    binToCode: Int32Array.from(kept),
    codeToBin,
    overflowCodes: codes.slice(maxBin - 1).sort((a, b) => a - b),
    sawMissing,
  };
}

/** Row indices (sorted) of a seeded sample of at most `size` rows; all rows when smaller. */
function sampleRows(
  rowCount: number,
  options: { size: number; rng: GbdtRng },
): Int32Array | undefined {
  if (rowCount <= options.size) return undefined;
  const picked = new Uint8Array(rowCount);
  let k = 0;
  // Floyd's algorithm: exactly `size` distinct rows.
  for (let j = rowCount - options.size; j < rowCount; j++) {
    const t = options.rng.int(j + 1);
    if (picked[t] === 0) picked[t] = 1;
    else picked[j] = 1;
  }
  const rows = new Int32Array(options.size);
  for (let i = 0; i < rowCount; i++) if (picked[i] === 1) rows[k++] = i;
  return rows;
}

/** Finds bin boundaries for every feature (numeric ones on a seeded row sample). */
export function buildBinMappers(
  data: EncodedDataset,
  options: { maxBin: number; minDataInBin: number; sampleCount: number; rng: GbdtRng },
): BinMapper[] {
  const rows = sampleRows(data.rowCount, { size: options.sampleCount, rng: options.rng });
  return data.features.map((feature, f) => {
    const column = data.columns[f] ?? new Float32Array(0);
    let sample = column;
    if (rows !== undefined) {
      sample = new Float32Array(rows.length);
      for (let i = 0; i < rows.length; i++) sample[i] = column[rows[i] as number] as number;
    }
    return feature.kind === 'categorical'
      ? categoricalMapper(sample, options.maxBin)
      : numericMapper(sample, { ...options, sampleSize: sample.length });
  });
}

/** The bin of one value (NaN and unknown categories: the missing bin). */
export function valueToBin(mapper: BinMapper, value: number): number {
  const missing = mapper.numBins - 1;
  if (Number.isNaN(value)) return missing;
  if (mapper.kind === 'categorical') {
    const bin = Number.isInteger(value) && value >= 0 ? mapper.codeToBin[value] : undefined;
    return bin === undefined || bin < 0 ? missing : bin;
  }
  const ub = mapper.upperBounds;
  let lo = 0;
  let hi = ub.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= (ub[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins one column into `out` and into its place in the row-major matrix. */
function binColumn(
  mapper: BinMapper,
  column: Float32Array,
  dest: {
    out: Uint8Array | Uint16Array;
    rowBins: Uint8Array | Uint16Array;
    stride: number;
    feature: number;
  },
): void {
  const { out, rowBins, stride, feature } = dest;
  if (mapper.kind === 'categorical') {
    for (let r = 0, j = feature; r < column.length; r++, j += stride) {
      const bin = valueToBin(mapper, column[r] as number);
      out[r] = bin;
      rowBins[j] = bin;
    }
    return;
  }
  // Inlined binary search: this loop runs rows x features times.
  const ub = mapper.upperBounds;
  const last = ub.length - 1;
  const missing = mapper.numBins - 1;
  for (let r = 0, j = feature; r < column.length; r++, j += stride) {
    const x = column[r] as number;
    let lo = 0;
    if (x !== x) lo = missing;
    else {
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (x <= (ub[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
    }
    out[r] = lo;
    rowBins[j] = lo;
  }
}

/** Bins the whole dataset (the row-major matrix optionally on shared memory for workers). */
export function binDataset(
  data: EncodedDataset,
  options: { mappers: readonly BinMapper[]; shared: boolean },
): BinnedMatrix {
  const { mappers } = options;
  const numFeatures = mappers.length;
  const n = data.rowCount;
  const binOffsets = new Int32Array(numFeatures);
  let totalBins = 0;
  mappers.forEach((m, f) => {
    binOffsets[f] = totalBins;
    totalBins += m.numBins;
  });
  const rowStride = Math.ceil(numFeatures / FEATURE_BLOCK) * FEATURE_BLOCK;
  const wide = mappers.some((m) => m.numBins > 256);
  const bytes = n * rowStride * (wide ? 2 : 1);
  const buffer = options.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const rowBins = wide ? new Uint16Array(buffer) : new Uint8Array(buffer);
  const columns = mappers.map((mapper, f) => {
    const out = mapper.numBins > 256 ? new Uint16Array(n) : new Uint8Array(n);
    binColumn(mapper, data.columns[f] ?? new Float32Array(n), {
      out,
      rowBins,
      stride: rowStride,
      feature: f,
    });
    return out;
  });
  return { columns, rowBins, rowStride, binOffsets, totalBins, numFeatures, rowCount: n };
}
