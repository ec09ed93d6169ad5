/**
 * @champion/tabular — tables for binary classification: CSV and Parquet readers into columnar
 * typed arrays, schema inference, row/column-precise validation, reference profiles for drift,
 * and a seeded synthetic credit-default data set.
 */
export type {
  CategoricalColumn,
  Column,
  ColumnRole,
  FeatureSchema,
  NumericColumn,
  Table,
  TableSchema,
} from './table.js';
export { TabularError } from './errors.js';
export type { BadValue, TabularErrorCode, TabularErrorOptions } from './errors.js';
export {
  BYTE_ORDER_MARK,
  byteLineContentEnd,
  categoryField,
  DEFAULT_MISSING_TOKENS,
  isByteLineEnd,
  lineContentEnd,
  missingTest,
  numericField,
  parseNumber,
  plainDecimal,
  plainDecimalFromBytes,
  PlainDecimalScanner,
  quoteCsvField,
  withoutByteOrderMark,
} from './reading-rules/index.js';
export type {
  ChunkReadOptions,
  ColumnType,
  ReadOptions,
  ReadResult,
  SetAsideRow,
  TableChunk,
} from './read-options.js';
export { openSource, readChunks, readSourceChunks, readTable } from './read.js';
export type { LineBatch, RecordBatch, RecordSource } from './source.js';
export { concatTables } from './concat.js';
export { writeParquet } from './parquet.js';
export { createCsvWriter, tableToCsvRows, writeCsv } from './csv-write.js';
export type { CsvWriter } from './csv-write.js';
export { createRng, mulberry32, shuffleInPlace } from './random.js';
export type { Rng } from './random.js';
export { SYNTH_ID, SYNTH_TARGET, synthesize, synthesizeChunks } from './synth.js';
export type { SynthChunkOptions, SynthOptions } from './synth.js';
export { writeSynthCsv } from './synth-csv.js';
export type { WriteSynthCsvOptions } from './synth-csv.js';
export { inferSchema } from './schema.js';
export type { InferSchemaOptions, InferredSchema } from './schema.js';
export { resolveTarget } from './target.js';
export type { TargetClasses } from './target.js';
export { conformToSchema, schemaColumnTypes } from './conform.js';
export { binIndex, buildProfile, profileScores } from './profile.js';
export type {
  CategoricalProfile,
  FeatureProfile,
  NumericProfile,
  Profile,
  ProfileOptions,
} from './profile.js';
export { schemaFacts } from './schema-facts.js';
export { syntheticExample } from './synthetic-example.js';
export type { ExampleFeature, ExampleProfile } from './synthetic-example.js';
export type {
  CategoricalFeatureFacts,
  FeatureFacts,
  NumericFeatureFacts,
  SchemaDocument,
} from './schema-facts.js';
export { cellText } from './column-values.js';
export { startModuleWorker } from './module-worker.js';
export { labelKind, typedLabel } from './label-kind.js';
export type { LabelKind, LabelTarget } from './label-kind.js';
export {
  buildReference,
  DEFAULT_MAX_DISTINCT,
  distinctWithCounts,
  REFERENCE_FORMAT,
} from './reference/index.js';
export type {
  BuildReferenceOptions,
  CategoricalReference,
  ColumnReference,
  DriftReference,
  NumericReference,
  ScoreReference,
} from './reference/index.js';
export {
  calibrationBinSchema,
  fairnessReportSchema,
  flipSchema,
  groupFairnessSchema,
  sensitiveFairnessSchema,
} from './fairness-report.js';
export type {
  CalibrationBinFairness,
  FairnessReport,
  FlipResult,
  GroupFairness,
  SensitiveFairness,
} from './fairness-report.js';
