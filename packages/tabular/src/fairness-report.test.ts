import { fairnessReportSchema } from './fairness-report.js';

const group = {
  count: 3,
  positive_rate: 0,
  selection_rate: 1 / 3,
  tpr: null,
  fpr: 1 / 3,
  roc_auc: null,
  calibration: { mean_predicted: 0.3, observed_rate: 0, bins: [] },
  ci: { selection_rate: [0, 1], tpr: null, fpr: [0, 1] },
};
const report = {
  version: 1,
  rows: 3,
  threshold: 0.5,
  positive_label: '1',
  bootstrap: { resamples: 200, level: 0.95, seed: 42 },
  sensitive: {
    SEX: {
      is_model_input: false,
      groups: { '2': group },
      demographic_parity_difference: 0,
      demographic_parity_ratio: 1,
      demographic_parity_flag: false,
      equalized_odds_difference: 0,
      flip: null,
    },
  },
};

describe('fairnessReportSchema', () => {
  it('accepts a report whose undefined rates are null', () => {
    expect(fairnessReportSchema.safeParse(report).success).toBe(true);
  });

  it('refuses a rate outside [0, 1] and names where', () => {
    const bad = structuredClone(report);
    (bad.sensitive.SEX.groups['2'] as { fpr: number }).fpr = 1.5;
    const parsed = fairnessReportSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['sensitive', 'SEX', 'groups', '2', 'fpr']);
  });
});
