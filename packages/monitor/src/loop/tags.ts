/**
 * The monitoring loop's record in MLflow, in one place. On each monitoring run (experiment
 * `NAME-monitoring`): the champion watched, the store checkpoint, the window's data fingerprint,
 * what each rule signalled, the action; on a retrained version and its training run: the
 * monitoring run that asked for it and why. The decision state (last n windows, last retraining,
 * fingerprints used, checkpoint) is read back from these tags, so it survives restarts.
 */
import { MONITORING_RUN_TAGS } from '@champion/inference-store';

export const MONITOR_TAGS = {
  // modelVersion, fired, action, reasons: the ones serving reads too, defined with the contract.
  ...MONITORING_RUN_TAGS,
  /** `checkpoint` (the window after the last checkpoint) or `range` (--since/--until). */
  windowKind: 'champion.monitor.window_kind',
  checkpoint: 'champion.monitor.checkpoint',
  fingerprint: 'champion.monitor.fingerprint',
  signalDrift: 'champion.monitor.signal.drift',
  signalPerformance: 'champion.monitor.signal.performance',
  signalAge: 'champion.monitor.signal.age',
  /** `true` once a retraining registered (or found identical) a version for this run. */
  retrained: 'champion.monitor.retrained',
  /** `true` while this run retrains (another turn then holds back). */
  retraining: 'champion.monitor.retraining',
  /** When (ms since the epoch) the retraining started: the cooldown counts from it. */
  retrainedAt: 'champion.monitor.retrained_at',
  retrainedVersion: 'champion.monitor.retrained_version',
  /** On the retrained version and its training run: the monitoring run that fired. */
  runId: 'champion.monitor.run_id',
  /** On the retrained version and its training run: why the policy fired. */
  reason: 'champion.retrain.reason',
  /** On the retrained version and its training run: the data it was trained on. */
  baseData: 'champion.retrain.data',
} as const;

/** The monitoring experiment of a registered model (the rule lives with the contract). */
export { monitoringExperiment } from '@champion/inference-store';
