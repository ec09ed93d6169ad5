export { DriftAccumulator } from './accumulator.js';
export type { ColumnData, DatasetData } from './column-data.js';
export { computeDrift } from './engine.js';
export type {
  ColumnDrift as DriftColumnFigures,
  DriftOptions,
  DriftResult as DriftFigures,
  SkippedColumn,
} from './engine.js';
export { DriftError, type DriftErrorCode } from './errors.js';
export type { PredictionDrift } from './prediction.js';
export { readDriftData, type ReadDriftDataOptions } from './read-data.js';
export { readDriftDataInWorker } from './read-parallel.js';
export { readStoreDriftData, type ReadStoreOptions, type StoreDriftData } from './read-store.js';
export {
  downloadModelReference,
  readModelReference,
  referenceFromDocument,
  REFERENCE_FILE,
  type LoadedReference,
} from './reference-io.js';
export { DEFAULT_SCORE_COLUMN, driftReportJson, runDrift } from './report.js';
export type { DriftReport, DriftRunInput } from './report.js';
export { METHODS, type DriftMethod } from './rules.js';
export { fileReference } from './file-reference.js';
