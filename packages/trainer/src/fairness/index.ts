export { assessFairness, type FairnessInput, type FairnessModel } from './assess.js';
export { DEFAULT_BOOTSTRAP, type BootstrapOptions } from './bootstrap.js';
export { DEMOGRAPHIC_PARITY_FLAG_BELOW } from './disparity.js';
export { binaryValues, type InputColumn } from './flip.js';
export { MISSING_GROUP, sensitiveColumns, type SensitiveColumn } from './groups.js';
export {
  checkFairnessRules,
  hasFairnessRules,
  type FairnessRules,
  type RuleCheck,
} from './rules.js';
export {
  fairnessReportSchema,
  type FairnessReport,
  type FlipResult,
  type GroupFairness,
  type SensitiveFairness,
} from '@champion/tabular';
export { fairnessMetrics } from './metrics.js';
export {
  FAIRNESS_PARAMS,
  fairnessParams,
  readFairnessSettings,
  type FairnessSettings,
} from './settings.js';
