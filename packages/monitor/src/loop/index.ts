export { runMonitor, type MonitorRunOptions } from './run.js';
export type { LoopAction, MonitorResult } from './result.js';
export type {
  ColumnDrift,
  DriftResult,
  FeatureValue,
  LabelledRow,
  LoopPorts,
  ModelUnderWatch,
  PerformanceResult,
  Window,
  WindowRequest,
} from './ports.js';
export { decide, type Decision, type DecisionHistory, type DecisionInput } from './decide.js';
export { fingerprintRows } from './fingerprint.js';
export { MONITOR_TAGS, monitoringExperiment } from './tags.js';
export { MonitorLoopError, type MonitorLoopErrorCode } from './errors.js';
export { locateTrainingData, type TrainingData } from './training-data.js';
export { createLoopPorts, type LoopPortOptions } from './create-ports.js';
export { runEvery, type ScheduleOptions } from './schedule.js';
export { performanceResult } from './performance-result.js';
