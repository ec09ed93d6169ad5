export {
  buildReference,
  DEFAULT_MAX_DISTINCT,
  distinctWithCounts,
  REFERENCE_FORMAT,
} from './reference.js';
export type {
  BuildReferenceOptions,
  CategoricalReference,
  ColumnReference,
  DriftReference,
  NumericReference,
  ScoreReference,
} from './reference.js';
