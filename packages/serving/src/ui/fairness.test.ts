import { fairnessSchema, fairnessSection } from './fairness.js';

const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/> </g, '><');

const calibration = (mean: number, observed: number) => ({
  mean_predicted: mean,
  observed_rate: observed,
  bins: [],
});

/** The shape `champion train --sensitive` writes (@champion/tabular's fairness contract). */
const report = {
  version: 1,
  rows: 6000,
  threshold: 0.31,
  positive_label: '1',
  bootstrap: { resamples: 200, level: 0.95, seed: 7 },
  sensitive: {
    SEX: {
      is_model_input: true,
      groups: {
        '1': {
          count: 2400,
          positive_rate: 0.24,
          selection_rate: 0.3,
          tpr: 0.6,
          fpr: 0.2,
          roc_auc: 0.77,
          calibration: calibration(0.25, 0.24),
          ci: { selection_rate: [0.28, 0.32], tpr: [0.55, 0.65], fpr: [0.18, 0.22] },
        },
        '<2>': {
          count: 3600,
          positive_rate: 0.2,
          selection_rate: 0.22,
          tpr: 0.58,
          fpr: null,
          roc_auc: null,
          calibration: calibration(0.21, 0.2),
          ci: { selection_rate: null, tpr: null, fpr: null },
        },
      },
      demographic_parity_difference: 0.08,
      demographic_parity_ratio: 0.7333,
      demographic_parity_flag: true,
      equalized_odds_difference: 0.05,
      flip: { values: ['1', '<2>'], rows: 6000, max_abs_delta: 0.04, mean_abs_delta: 0.01 },
    },
    EDUCATION: {
      is_model_input: false,
      groups: {},
      demographic_parity_difference: 0,
      demographic_parity_ratio: null,
      demographic_parity_flag: false,
      equalized_odds_difference: 0,
      flip: null,
    },
  },
};

describe('the fairness section of the model card', () => {
  it('shows a table per sensitive column with the groups, differences, flag and flip test', () => {
    const parsed = fairnessSchema.safeParse(report);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const out = flat(fairnessSection({ ok: true, value: parsed.data }).value);
    expect(out).toContain(
      '<th scope="row">1</th><td>2400</td><td>24.0%</td><td>30.0% <small>(28.0%–32.0%)</small></td>',
    );
    expect(out).toContain('<th scope="row">&lt;2&gt;</th>');
    expect(out).toContain('ratio: 0.7333 <mark>below 0.8</mark>');
    expect(out).toContain('Equalized odds difference: 0.05');
    expect(out).toContain('swapped on 6000 test rows): max |Δ probability| 0.04, mean 0.01');
    expect(out).toContain('<td>25.0% / 24.0%</td>');
    expect(out).toContain('(95% bootstrap intervals in brackets;');
    expect(out).toContain('EDUCATION (not a model input)');
  });

  it('says how to get a report when the model has none, and that one is unusable', () => {
    const out = flat(
      fairnessSection({ ok: false, why: 'the model has no champion/fairness.json', absent: true })
        .value,
    );
    expect(out).toContain(
      'No fairness report (the model has no champion/fairness.json): train with <code>--sensitive COL</code>',
    );
    const unusable = flat(
      fairnessSection({
        ok: false,
        why: 'champion/fairness.json is not as expected',
        absent: false,
      }).value,
    );
    expect(unusable).toContain('fairness report is unusable (champion/fairness.json is not');
    expect(unusable).not.toContain('train with');
    expect(
      fairnessSchema.safeParse({ version: 1, sensitive: { SEX: { groups: [1, 2] } } }).success,
    ).toBe(false);
    expect(fairnessSchema.safeParse({ version: 2, sensitive: {} }).success).toBe(false);
  });
});
