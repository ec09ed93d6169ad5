/**
 * The promotion gate: pure decision logic. A candidate becomes champion only if it meets every
 * configured floor, beats the current champion on the SAME held-out rows by the configured margin,
 * and passed the ONNX parity and schema checks. The caller gathers the figures (scoring the
 * current champion's ONNX on the candidate's test set) and records the decision as version tags.
 */
import { checkFairnessRules, type FairnessRules } from '../fairness/rules.js';
import type { FairnessReport } from '@champion/tabular';

/** Metrics where a larger value is better; all others compared here are "lower is better". */
const HIGHER_IS_BETTER = new Set([
  'roc_auc',
  'pr_auc',
  'ks',
  'accuracy',
  'precision',
  'recall',
  'f1',
]);

export function higherIsBetter(metric: string): boolean {
  return HIGHER_IS_BETTER.has(metric);
}

export interface GateConfig {
  /** Metric the candidate must improve on the champion. @default 'roc_auc' */
  readonly primaryMetric: string;
  /** Required improvement of the primary metric over the champion (absolute). @default 0 */
  readonly margin: number;
  /**
   * Absolute floors (for higher-is-better metrics) or ceilings (lower-is-better), e.g.
   * `{ roc_auc: 0.6, log_loss: 0.69 }`. @default { roc_auc: 0.6 }
   */
  readonly floors: Readonly<Record<string, number>>;
  /** Bounds on the candidate's fairness figures, for every sensitive column. @default none */
  readonly fairness?: FairnessRules | undefined;
}

export const DEFAULT_GATE: GateConfig = {
  primaryMetric: 'roc_auc',
  margin: 0,
  floors: { roc_auc: 0.6 },
};

export interface GateInput {
  readonly candidate: {
    readonly version: string;
    readonly metrics: Readonly<Record<string, number>>;
  };
  /** The current champion scored on the candidate's test rows; absent when there is none. */
  readonly champion?:
    | { readonly version: string; readonly metrics: Readonly<Record<string, number>> }
    | { readonly version: string; readonly error: string };
  /** Largest |ONNX − in-memory| probability difference on the test set, and the tolerance. */
  readonly parity: { readonly maxAbsDiff: number; readonly tolerance: number };
  /** Empty when the artifact's ONNX inputs match its schema; else what is wrong. */
  readonly schemaProblems: readonly string[];
  /** The candidate's fairness report on its test rows (`champion train --sensitive`). */
  readonly fairness?: FairnessReport | undefined;
}

export interface GateDecision {
  readonly promote: boolean;
  /** One sentence per check, passed or failed, in order. */
  readonly reasons: readonly string[];
  /** Flat figures to record as registry tags. */
  readonly figures: Readonly<Record<string, string>>;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  // Parity differences live around 1e-8: fixed notation would print them as 0.000000.
  return x !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : x.toFixed(6);
}

/** Applies the gate; never throws for a failing candidate, it says why instead. */
export function decidePromotion(input: GateInput, config: GateConfig = DEFAULT_GATE): GateDecision {
  const reasons: string[] = [];
  const figures: Record<string, string> = {};
  let promote = true;
  const fail = (reason: string): void => {
    promote = false;
    reasons.push(`FAIL ${reason}`);
  };
  const pass = (reason: string): void => void reasons.push(`ok ${reason}`);

  if (input.schemaProblems.length > 0) fail(`schema check: ${input.schemaProblems.join('; ')}`);
  else pass('schema check: ONNX inputs and outputs match the schema');

  figures['parity_max_abs_diff'] = fmt(input.parity.maxAbsDiff);
  if (!(input.parity.maxAbsDiff <= input.parity.tolerance)) {
    fail(
      `parity: ONNX differs from the trained model by ${fmt(input.parity.maxAbsDiff)} > ${input.parity.tolerance}`,
    );
  } else
    pass(
      `parity: max |ONNX - model| = ${fmt(input.parity.maxAbsDiff)} <= ${input.parity.tolerance}`,
    );

  for (const [metric, bound] of Object.entries(config.floors)) {
    const value = input.candidate.metrics[metric];
    figures[`candidate_${metric}`] = value === undefined ? 'missing' : fmt(value);
    if (value === undefined || Number.isNaN(value)) {
      fail(`floor: metric ${metric} was not computed`);
    } else if (higherIsBetter(metric) ? value < bound : value > bound) {
      fail(
        `floor: ${metric} ${fmt(value)} ${higherIsBetter(metric) ? '<' : '>'} required ${bound}`,
      );
    } else pass(`floor: ${metric} ${fmt(value)} meets ${bound}`);
  }

  if (config.fairness !== undefined) {
    const fairness = checkFairnessRules(input.fairness, config.fairness);
    for (const check of fairness.checks) (check.pass ? pass : fail)(check.reason);
    for (const [key, value] of Object.entries(fairness.figures))
      figures[key] = value === null ? 'undefined' : fmt(value);
  }

  const primary = config.primaryMetric;
  const candidateValue = input.candidate.metrics[primary];
  figures[`candidate_${primary}`] = candidateValue === undefined ? 'missing' : fmt(candidateValue);
  if (!input.champion) {
    pass('comparison: no current champion');
  } else if ('error' in input.champion) {
    figures['champion_version'] = input.champion.version;
    fail(
      `comparison: champion v${input.champion.version} could not be scored on this test set (${input.champion.error})`,
    );
  } else {
    const championValue = input.champion.metrics[primary];
    figures['champion_version'] = input.champion.version;
    figures[`champion_${primary}`] = championValue === undefined ? 'missing' : fmt(championValue);
    if (candidateValue === undefined || championValue === undefined) {
      fail(
        `comparison: ${primary} missing for ${candidateValue === undefined ? 'candidate' : 'champion'}`,
      );
    } else {
      const delta = higherIsBetter(primary)
        ? candidateValue - championValue
        : championValue - candidateValue;
      figures[`delta_${primary}`] = fmt(delta);
      const what = `${primary} ${fmt(candidateValue)} vs champion v${input.champion.version} ${fmt(championValue)} (improvement ${fmt(delta)}, margin ${config.margin})`;
      // Strictly better than the margin: an equal model is not worth a swap (with margin 0 a tie
      // stays with the champion; an identical model never reaches the gate, train reports it
      // unchanged).
      if (delta > config.margin) pass(`comparison: ${what}`);
      else fail(`comparison: ${what}: a swap needs an improvement above the margin`);
    }
  }
  return { promote, reasons, figures };
}
