/**
 * The policy applied to one window: pure, so every rule is a unit test. Drift and performance
 * are window signals that must agree in `k` of the last `n` windows of the same `@champion`;
 * age and `--force` fire on their own. A firing is then held back by the cooldown (except
 * `--force`) and never retrains twice on the same data fingerprint.
 */
import { higherIsBetter } from '@champion/trainer';
import type { Policy } from '../policy/index.js';
import { parseDuration } from '../policy/index.js';
import type { PerformanceResult } from './ports.js';

/** What one window signalled (recorded on its monitoring run). */
export interface WindowSignals {
  readonly drift: boolean;
  readonly performance: boolean;
}

/** What earlier monitoring runs recorded, read back from MLflow. */
export interface DecisionHistory {
  /** Earlier windows of the same `@champion`, newest first. */
  readonly windows: readonly WindowSignals[];
  /** The last retraining (any `@champion`): its monitoring run and when. */
  readonly lastRetrain?: { readonly runId: string; readonly at: number } | undefined;
  /** The monitoring run that already retrained on this window's fingerprint, if any. */
  readonly fingerprintUsedBy?: string | undefined;
}

export interface DecisionInput {
  readonly policy: Policy;
  readonly now: number;
  /** Retrain by hand (`--force`): skips agreement and cooldown, not the fingerprint rule. */
  readonly force: boolean;
  /** The drifted share (importance-weighted when the policy asks and weights exist). */
  readonly driftShare: number | undefined;
  readonly performance: PerformanceResult | undefined;
  /** When `@champion` was registered (ms since the epoch). */
  readonly modelRegisteredAt: number | undefined;
  readonly history: DecisionHistory;
}

export interface Decision {
  readonly signals: WindowSignals & { readonly age: boolean };
  readonly fired: boolean;
  readonly verdict: 'none' | 'cooldown' | 'retrain';
  /** One sentence per rule that mattered, in order. */
  readonly reasons: readonly string[];
}

const fmt = (x: number): string => String(Number(x.toFixed(4)));

function driftSignal(input: DecisionInput, reasons: string[]): boolean {
  const rule = input.policy.drift;
  if (rule === null || input.driftShare === undefined) return false;
  const fired = input.driftShare >= rule.share;
  reasons.push(`drift: share ${fmt(input.driftShare)} ${fired ? '≥' : '<'} ${fmt(rule.share)}`);
  return fired;
}

function performanceSignal(input: DecisionInput, reasons: string[]): boolean {
  const rule = input.policy.performance;
  const perf = input.performance;
  if (rule === null || perf === undefined) return false;
  if (perf.insufficient !== undefined || perf.labelled < rule.minLabels) {
    reasons.push(
      `performance: not judged, ${perf.labelled} labelled rows (need ${rule.minLabels})${perf.insufficient ? `: ${perf.insufficient}` : ''}`,
    );
    return false;
  }
  let fired = false;
  for (const [metric, floor] of Object.entries(rule.floors)) {
    const value = perf.metrics[metric];
    if (value === undefined || !Number.isFinite(value)) {
      reasons.push(`performance: ${metric} was not measured`);
      continue;
    }
    const bad = higherIsBetter(metric) ? value < floor : value > floor;
    const side = higherIsBetter(metric) ? 'floor' : 'ceiling';
    reasons.push(
      `performance: ${metric} ${fmt(value)} ${bad ? 'breaks' : 'meets'} the ${side} ${fmt(floor)}`,
    );
    fired ||= bad;
  }
  return fired;
}

function ageSignal(input: DecisionInput, reasons: string[]): boolean {
  const days = input.policy.maxAgeDays;
  if (days === null || input.modelRegisteredAt === undefined) return false;
  const age = (input.now - input.modelRegisteredAt) / 86_400_000;
  const fired = age > days;
  if (fired) reasons.push(`age: @champion registered ${age.toFixed(1)} days ago (> ${fmt(days)})`);
  return fired;
}

/** Whether at least k of the last n windows (this one first) signalled. */
function agreement(input: DecisionInput, current: boolean, reasons: string[]): boolean {
  const { k, n } = input.policy.agree;
  const earlier = input.history.windows.slice(0, n - 1);
  const count = (current ? 1 : 0) + earlier.filter((w) => w.drift || w.performance).length;
  const agreed = current && count >= k;
  if (current && n > 1)
    reasons.push(
      `agreement: ${count} of the last ${earlier.length + 1} windows signalled (need ${k} of ${n})`,
    );
  return agreed;
}

/** Applies the policy; see the module header. */
export function decide(input: DecisionInput): Decision {
  const reasons: string[] = [];
  const drift = driftSignal(input, reasons);
  const performance = performanceSignal(input, reasons);
  const age = ageSignal(input, reasons);
  if (input.force) reasons.push('manual: --force');
  const agreed = agreement(input, drift || performance, reasons);
  const fired = input.force || age || agreed;
  const signals = { drift, performance, age };
  if (!fired) return { signals, fired, verdict: 'none', reasons };
  const last = input.history.lastRetrain;
  const cooldown = parseDuration(input.policy.cooldown) ?? 0;
  if (!input.force && last !== undefined && input.now - last.at < cooldown) {
    const left = Math.ceil((last.at + cooldown - input.now) / 60_000);
    reasons.push(
      `cooldown: retrained by monitoring run ${last.runId} at ${new Date(last.at).toISOString()}; ${left} min of ${input.policy.cooldown} left`,
    );
    return { signals, fired, verdict: 'cooldown', reasons };
  }
  if (input.history.fingerprintUsedBy !== undefined) {
    reasons.push(
      `same data: monitoring run ${input.history.fingerprintUsedBy} already retrained on this data fingerprint`,
    );
    return { signals, fired, verdict: 'none', reasons };
  }
  return { signals, fired, verdict: 'retrain', reasons };
}
