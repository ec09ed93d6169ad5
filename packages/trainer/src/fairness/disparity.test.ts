import { disparities } from './disparity.js';

describe('disparities', () => {
  it('counts a TPR a group cannot have as 0, as fairlearn does', () => {
    // Group b has no positives: fairlearn's true_positive_rate gives 0 there, so TPR spans 0..1.
    const d = disparities([
      { positive_rate: 0.5, selection_rate: 0.5, tpr: 1, fpr: 0 },
      { positive_rate: 0, selection_rate: 0.1, tpr: null, fpr: 0.1 },
    ]);
    expect(d.equalized_odds_difference).toBe(1);
  });

  it('flags a demographic parity ratio below four fifths and not at it', () => {
    const rates = (a: number, b: number) => [
      { positive_rate: 0, selection_rate: a, tpr: null, fpr: a },
      { positive_rate: 0, selection_rate: b, tpr: null, fpr: b },
    ];
    expect(disparities(rates(0.4, 0.5))).toMatchObject({
      demographic_parity_ratio: 0.8,
      demographic_parity_flag: false,
    });
    expect(disparities(rates(0.39, 0.5)).demographic_parity_flag).toBe(true);
  });

  it('has no ratio when no group is ever selected', () => {
    const none = { positive_rate: 0.2, selection_rate: 0, tpr: 0, fpr: 0 };
    expect(disparities([none, none])).toMatchObject({
      demographic_parity_difference: 0,
      demographic_parity_ratio: null,
      demographic_parity_flag: false,
    });
  });
});
