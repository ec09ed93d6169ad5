import { decidePromotion } from '../gate/gate.js';
import { assessFairness } from './assess.js';

const ok = { parity: { maxAbsDiff: 1e-7, tolerance: 1e-5 }, schemaProblems: [] };
const candidate = { version: '1', metrics: { roc_auc: 0.8 } };

// Group a: TPR 1/2, FPR 1/2; group b: TPR 1, FPR 0 → equalized odds difference 0.5.
const report = assessFairness({
  labels: Uint8Array.from([1, 1, 0, 0, 1, 0]),
  predicted: Uint8Array.from([1, 0, 1, 0, 1, 0]),
  probability: Float32Array.from([0.9, 0.2, 0.8, 0.1, 0.7, 0.3]),
  threshold: 0.5,
  positiveLabel: '1',
  sensitive: [{ name: 'SEX', keys: ['a', 'a', 'a', 'a', 'b', 'b'] }],
  bootstrap: { resamples: 10 },
});
const config = { primaryMetric: 'roc_auc', margin: 0, floors: {} };

describe('the gate with fairness rules', () => {
  it('refuses a candidate whose equalized odds difference exceeds the bound', async () => {
    const d = decidePromotion(
      { ...ok, candidate, fairness: await report },
      { ...config, fairness: { maxEqualizedOddsDiff: 0.1 } },
    );
    expect(d.promote).toBe(false);
    expect(d.reasons.join('\n')).toMatch(
      /FAIL fairness: SEX equalized_odds_difference 0\.500000 breaks at most 0\.1/,
    );
    expect(d.figures['fairness_SEX_equalized_odds_difference']).toBe('0.500000');
  });

  it('promotes a candidate within every bound', async () => {
    const d = decidePromotion(
      { ...ok, candidate, fairness: await report },
      { ...config, fairness: { maxEqualizedOddsDiff: 0.6, minDemographicParityRatio: 0.5 } },
    );
    // Selection rates 2/4 and 1/2: ratio 1.
    expect(d.promote).toBe(true);
    expect(d.figures['fairness_SEX_demographic_parity_ratio']).toBe('1.000000');
  });

  it('refuses when a rule is set but nothing was assessed', () => {
    const d = decidePromotion(
      { ...ok, candidate },
      { ...config, fairness: { minDemographicParityRatio: 0.8 } },
    );
    expect(d.promote).toBe(false);
    expect(d.reasons.join('\n')).toMatch(/no sensitive column was assessed/);
  });
});
