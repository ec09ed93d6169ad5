export {
  parseDriftSpec,
  parseDriftTerm,
  checkDriftColumns,
  describeDriftTerm,
  type DriftTerm,
} from './drift-spec.js';
export { SimulationError, type SimulationErrorCode } from './errors.js';
export {
  applyDrift,
  drawRows,
  sampleColumns,
  type AppliedDrift,
  type Sample,
  type SampleColumn,
} from './sample.js';
export { simulate, type SimulateOptions, type SimulationProgress } from './simulate.js';
export { describeSimulation, type SimulationSummary } from './summary.js';
export type { FailureGroup, RequestCounts } from './tally.js';
