import { fairnessSchema, fairnessSection } from './fairness.js';

const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/> </g, '><');

const report = {
  version: 1,
  rows: 6000,
  threshold: 0.31,
  positive_label: '1',
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
          calibration: 1.02,
          ci: { selection_rate: [0.28, 0.32], tpr: [0.55, 0.65], fpr: [0.18, 0.22] },
        },
        '<2>': { count: 3600, positive_rate: 0.2, selection_rate: 0.22, tpr: 0.58, fpr: 0.15 },
      },
      demographic_parity_difference: 0.08,
      demographic_parity_ratio: 0.7333,
      demographic_parity_flag: true,
      equalized_odds_difference: 0.05,
      flip: { max_abs_delta: 0.04, mean_abs_delta: 0.01 },
    },
    EDUCATION: {
      is_model_input: false,
      groups: { '1': { count: 10 } },
      demographic_parity_difference: null,
      equalized_odds_difference: null,
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
    expect(out).toContain('max |Δ probability| 0.04, mean 0.01');
    expect(out).toContain('EDUCATION (not a model input)');
  });

  it('says how to get a report when the model has none, or an unusable one', () => {
    const out = flat(
      fairnessSection({ ok: false, why: 'the model has no champion/fairness.json', absent: true })
        .value,
    );
    expect(out).toContain(
      'No fairness report (the model has no champion/fairness.json): train with <code>--sensitive COL</code>',
    );
    expect(
      fairnessSchema.safeParse({ version: 1, sensitive: { SEX: { groups: [1, 2] } } }).success,
    ).toBe(false);
    expect(fairnessSchema.safeParse({ version: 2, sensitive: {} }).success).toBe(false);
  });
});
