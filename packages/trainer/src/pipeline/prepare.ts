/**
 * Data preparation for training: read, infer the schema (with the user's overrides), split
 * stratified into train / validation / test, and encode each split. Everything that can be wrong
 * with the data fails here, before any MLflow run exists.
 */
import {
  readTable,
  inferSchema,
  TabularError,
  type InferSchemaOptions,
  type InferredSchema,
  type ReadResult,
  type Table,
} from '@champion/tabular';
import { TrainerError } from '../errors.js';
import type { EncodedDataset, FeatureSpec } from '../model/types.js';
import { stratifiedSplit } from '../split/index.js';
import { holdoutSplit } from '../split/holdout.js';
import { encodeDataset, encodeLabels, featureSpecs } from '../data/encode.js';

export interface DataOptions {
  readonly path: string;
  readonly target: string;
  readonly positive?: string | undefined;
  readonly idColumns?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly categorical?: readonly string[] | undefined;
  /** @default 'reject' */
  readonly onBadRows?: 'reject' | 'set-aside' | undefined;
  readonly seed: number;
  /**
   * Hold out the rows from this 1-based file row on as the test split (the gate compares on
   * them); the rows before are split into train and validation. @default a stratified split
   */
  readonly holdout?: { readonly fromRow: number } | undefined;
}

export interface PreparedData {
  readonly read: ReadResult;
  readonly table: Table;
  readonly schema: InferredSchema;
  readonly features: readonly FeatureSpec[];
  readonly rows: {
    readonly train: Uint32Array;
    readonly validation: Uint32Array;
    readonly test: Uint32Array;
  };
  readonly train: EncodedDataset;
  readonly valid: EncodedDataset;
  readonly test: EncodedDataset;
}

const MIN_ROWS_PER_CLASS = 10;

/** Schema errors ("target column not found") name the file, as the reader's errors do. */
function inferSchemaOf(path: string, table: Table, options: InferSchemaOptions): InferredSchema {
  try {
    return inferSchema(table, options);
  } catch (error) {
    if (!(error instanceof TabularError) || error.message.includes(path)) throw error;
    throw new TabularError({
      code: error.code,
      message: `${path}: ${error.message}`,
      details: error.details,
      total: error.total,
      cause: error,
    });
  }
}

export async function prepareData(options: DataOptions): Promise<PreparedData> {
  const read = await readTable(options.path, {
    ...(options.categorical ? { categorical: options.categorical } : {}),
    onBadRows: options.onBadRows ?? 'reject',
  });
  const table = read.table;
  const schema = inferSchemaOf(options.path, table, {
    target: options.target,
    ...(options.positive === undefined ? {} : { positive: options.positive }),
    ...(options.idColumns ? { idColumns: options.idColumns } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.categorical ? { categorical: options.categorical } : {}),
    rowNumbers: read.rowNumbers,
  });
  if (schema.features.length < 2) {
    // MLflow's onnx pyfunc feeds a one-input model a 2-D array, which a rank-1 input refuses.
    throw new TrainerError(
      'DATA',
      `${options.path}: champion needs at least 2 feature columns, found ${schema.features.length} (${schema.features.map((f) => f.name).join(', ') || 'none'})`,
    );
  }
  const labels = encodeLabels({ table, schema });
  const positives = labels.reduce((a, b) => a + b, 0);
  if (Math.min(positives, labels.length - positives) < MIN_ROWS_PER_CLASS) {
    throw new TrainerError(
      'DATA',
      `${options.path}: target '${schema.target.name}' has ${positives} '${schema.target.positive}' and ${labels.length - positives} '${schema.target.negative}' rows; need at least ${MIN_ROWS_PER_CLASS} of each`,
    );
  }
  const rows = options.holdout
    ? holdoutSplit({
        labels,
        rowNumbers: read.rowNumbers,
        fromRow: options.holdout.fromRow,
        seed: options.seed,
        source: options.path,
      })
    : stratifiedSplit({ labels, seed: options.seed });
  const trainRows = Int32Array.from(rows.train);
  const features = featureSpecs({ table, schema, rows: trainRows });
  const encode = (r: Uint32Array): EncodedDataset =>
    encodeDataset({ table, schema, features, rows: Int32Array.from(r) });
  return {
    read,
    table,
    schema,
    features,
    rows,
    train: encode(rows.train),
    valid: encode(rows.validation),
    test: encode(rows.test),
  };
}
