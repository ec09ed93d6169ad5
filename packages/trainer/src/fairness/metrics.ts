/** The report's figures as flat MLflow metrics: `fairness.COLUMN.FIGURE`. */
import type { FairnessReport } from '@champion/tabular';

/** MLflow's rule for metric keys: letters, digits, `_ - . space /`. */
export function metricKeyPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_\-. /]/g, '_');
}

export function fairnessMetrics(report: FairnessReport): { key: string; value: number }[] {
  const out: { key: string; value: number }[] = [];
  const push = (key: string, value: number | null): void => {
    if (value !== null && Number.isFinite(value)) out.push({ key, value });
  };
  for (const [column, s] of Object.entries(report.sensitive)) {
    const prefix = `fairness.${metricKeyPart(column)}`;
    push(`${prefix}.demographic_parity_difference`, s.demographic_parity_difference);
    push(`${prefix}.demographic_parity_ratio`, s.demographic_parity_ratio);
    push(`${prefix}.equalized_odds_difference`, s.equalized_odds_difference);
    if (s.flip) {
      push(`${prefix}.flip_max_abs_delta`, s.flip.max_abs_delta);
      push(`${prefix}.flip_mean_abs_delta`, s.flip.mean_abs_delta);
    }
    for (const [group, g] of Object.entries(s.groups)) {
      const at = `${prefix}.${metricKeyPart(group)}`;
      push(`${at}.selection_rate`, g.selection_rate);
      push(`${at}.tpr`, g.tpr);
      push(`${at}.fpr`, g.fpr);
    }
  }
  return out;
}
