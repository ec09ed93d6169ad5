/**
 * @champion/trainer — learners (histogram GBDT, logistic regression), search, evaluation, ONNX
 * export, MLflow logging, registration and the promotion gate. Serving never imports it.
 */
export type * from './model/types.js';
export { TrainerError, type TrainerErrorCode } from './errors.js';
export { CHAMPION_VERSION } from './version.js';
export {
  train,
  type TrainOptions,
  type TrainSummary,
  type TrainEvent,
  type TrainedCandidate,
} from './pipeline/train.js';
export { prepareData, type DataOptions, type PreparedData } from './pipeline/prepare.js';
export { LEARNERS, type Learner, type LearnerName } from './learners/catalog.js';
export { trainGbdt, predictProba as predictGbdt, type GbdtParams } from './learners/gbdt/index.js';
export {
  trainLogReg,
  predictProba as predictLogReg,
  type LogRegParams,
} from './learners/logreg/index.js';
export {
  DEFAULT_GATE,
  decidePromotion,
  higherIsBetter,
  type GateConfig,
  type GateDecision,
  type GateInput,
} from './gate/gate.js';
export { markChallenger, registerVersion } from './mlflow/register.js';
export {
  runGate,
  type GateOptions,
  type GateOutcome,
  type RegisteredVersion,
} from './mlflow/promotion.js';
export { GATE_TAGS, PREVIOUS_ALIAS, type GateDecisionTag } from './registry/gate-tags.js';
export { LEASE_TAG, DEFAULT_LEASE_TIMING, type LeaseTiming } from './registry/lease.js';
export {
  doctor,
  DEFAULT_STALE_MS,
  type DoctorOptions,
  type DoctorReport,
  type Finding,
  type FindingKind,
} from './doctor/index.js';
export { scoreCurrentChampion } from './mlflow/champion-score.js';
export * from './metrics/index.js';
export * from './onnx/index.js';
export { OnnxScorer } from './runtime/onnx-session.js';
export { rawColumns, encodeRaw, type RawColumn } from './runtime/raw-columns.js';
export { checkParity, edgeRows, type ParityReport } from './runtime/parity.js';
export { encodeDataset, encodeLabels, featureSpecs } from './data/encode.js';
export { rocAuc as rocAucScore } from './metrics/index.js';
export { checkTrainOptions } from './pipeline/train-options.js';
export {
  flagKey,
  parseTrainRequest,
  SEARCH_CANDIDATES,
  TRAIN_REQUEST_FLAGS,
  trainRequestArgs,
  trainRequestGate,
  trainRequestSchema,
  type TrainRequest,
} from './pipeline/train-request.js';
export { defaultModelName } from './pipeline/model-name.js';
export { promoteVersion, type PromoteOptions } from './pipeline/promote.js';
export { approveVersion, type ApproveOptions, type ApproveResult } from './pipeline/approve.js';
export { rollbackChampion, type RollbackOptions } from './pipeline/rollback.js';
export { aliasVersion, keepPrevious } from './mlflow/previous-alias.js';
export { fileDigest } from './mlflow/dataset.js';
export {
  buildExplainerDoc,
  type ExplainerDoc,
  type TreeExplainerDoc,
  type LinearExplainerDoc,
} from './explain/explainer-doc.js';
export { ownerTags, currentOwner, type ProcessOwner } from './registry/owner.js';
export { orphanReason } from './doctor/runs.js';
export * from './fairness/index.js';
