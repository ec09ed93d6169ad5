/**
 * Fairness rules of the promotion gate (`--max-equalized-odds-diff`, `--max-demographic-parity-diff`,
 * `--min-demographic-parity-ratio`): each rule holds for every sensitive column of the candidate's
 * report. A rule with no report to check, or a figure that could not be computed, fails.
 */
import { metricKeyPart } from './metrics.js';
import type { FairnessReport } from '@champion/tabular';

export interface FairnessRules {
  /** Largest equalized odds difference allowed. */
  readonly maxEqualizedOddsDiff?: number | undefined;
  /** Largest demographic parity difference allowed. */
  readonly maxDemographicParityDiff?: number | undefined;
  /** Smallest demographic parity ratio allowed (e.g. 0.8, the four-fifths rule). */
  readonly minDemographicParityRatio?: number | undefined;
}

export interface RuleCheck {
  readonly pass: boolean;
  readonly reason: string;
}

interface Rule {
  readonly figure:
    'equalized_odds_difference' | 'demographic_parity_difference' | 'demographic_parity_ratio';
  readonly bound: number;
  readonly kind: 'max' | 'min';
}

function rulesOf(rules: FairnessRules): Rule[] {
  const out: Rule[] = [];
  if (rules.maxEqualizedOddsDiff !== undefined)
    out.push({
      figure: 'equalized_odds_difference',
      bound: rules.maxEqualizedOddsDiff,
      kind: 'max',
    });
  if (rules.maxDemographicParityDiff !== undefined) {
    out.push({
      figure: 'demographic_parity_difference',
      bound: rules.maxDemographicParityDiff,
      kind: 'max',
    });
  }
  if (rules.minDemographicParityRatio !== undefined) {
    out.push({
      figure: 'demographic_parity_ratio',
      bound: rules.minDemographicParityRatio,
      kind: 'min',
    });
  }
  return out;
}

/** Whether any rule is set. */
export function hasFairnessRules(rules: FairnessRules | undefined): boolean {
  return rules !== undefined && rulesOf(rules).length > 0;
}

/** One check per rule and sensitive column; figures keyed `fairness_COLUMN_FIGURE`. */
export function checkFairnessRules(
  report: FairnessReport | undefined,
  rules: FairnessRules,
): { checks: RuleCheck[]; figures: Record<string, number | null> } {
  const checks: RuleCheck[] = [];
  const figures: Record<string, number | null> = {};
  const list = rulesOf(rules);
  if (list.length === 0) return { checks, figures };
  const columns = Object.entries(report?.sensitive ?? {});
  if (columns.length === 0) {
    checks.push({
      pass: false,
      reason: 'fairness: rules are set but no sensitive column was assessed (--sensitive)',
    });
    return { checks, figures };
  }
  for (const [column, figuresOf] of columns) {
    for (const rule of list) {
      const value = figuresOf[rule.figure];
      figures[`fairness_${metricKeyPart(column)}_${rule.figure}`] = value;
      const bound = `${rule.kind === 'max' ? 'at most' : 'at least'} ${rule.bound}`;
      if (value === null) {
        checks.push({ pass: false, reason: `fairness: ${column} ${rule.figure} is undefined` });
        continue;
      }
      const pass = rule.kind === 'max' ? value <= rule.bound : value >= rule.bound;
      checks.push({
        pass,
        reason: `fairness: ${column} ${rule.figure} ${value.toFixed(6)} ${pass ? 'meets' : 'breaks'} ${bound}`,
      });
    }
  }
  return { checks, figures };
}
