import { assessFairness, type FairnessInput } from './assess.js';
import { fairnessReportSchema } from '@champion/tabular';

/**
 * Seven rows, three groups, worked by hand:
 *   a: labels 0 0 1 1, predicted 0 1 1 0 → selection 2/4, TPR 1/2, FPR 1/2
 *   b: labels 0 0,     predicted 1 0     → selection 1/2, TPR none, FPR 1/2
 *   c: label 0,        predicted 0       → selection 0,   TPR none, FPR 0
 * fairlearn: demographic parity difference 0.5, ratio 0, equalized odds difference
 * max(0.5 − 0, 0.5 − 0) = 0.5 (a group without positives counts TPR 0 there).
 */
const tiny: FairnessInput = {
  labels: Uint8Array.from([0, 0, 1, 1, 0, 0, 0]),
  predicted: Uint8Array.from([0, 1, 1, 0, 1, 0, 0]),
  probability: Float32Array.from([0.1, 0.6, 0.9, 0.4, 0.7, 0.2, 0.3]),
  threshold: 0.5,
  positiveLabel: '1',
  sensitive: [{ name: 'G', keys: ['a', 'a', 'a', 'a', 'b', 'b', 'c'] }],
  bootstrap: { resamples: 50, seed: 1 },
};

describe('assessFairness', () => {
  it('gives each group its count, positive rate, selection rate, TPR and FPR', async () => {
    const report = await assessFairness(tiny);
    const g = report.sensitive['G']?.groups ?? {};
    expect(Object.keys(g)).toEqual(['a', 'b', 'c']);
    expect(g['a']).toMatchObject({
      count: 4,
      positive_rate: 0.5,
      selection_rate: 0.5,
      tpr: 0.5,
      fpr: 0.5,
    });
    expect(g['b']).toMatchObject({ count: 2, positive_rate: 0, selection_rate: 0.5, tpr: null });
    expect(g['c']).toMatchObject({ count: 1, selection_rate: 0, tpr: null, fpr: 0 });
  });

  it('computes the differences as fairlearn does', async () => {
    const s = (await assessFairness(tiny)).sensitive['G'];
    expect(s?.demographic_parity_difference).toBe(0.5);
    expect(s?.demographic_parity_ratio).toBe(0);
    expect(s?.demographic_parity_flag).toBe(true);
    expect(s?.equalized_odds_difference).toBe(0.5);
  });

  it('gives ROC AUC only to a group with both classes', async () => {
    const g = (await assessFairness(tiny)).sensitive['G']?.groups ?? {};
    // a: positives 0.9, 0.4 against negatives 0.1, 0.6 → 3 of 4 pairs ordered.
    expect(g['a']?.roc_auc).toBe(0.75);
    expect(g['b']?.roc_auc).toBeNull();
  });

  it('reports calibration as mean probability against the observed rate', async () => {
    const g = (await assessFairness(tiny)).sensitive['G']?.groups ?? {};
    expect(g['b']?.calibration.mean_predicted).toBeCloseTo(0.45, 6);
    expect(g['b']?.calibration.observed_rate).toBe(0);
    expect(g['a']?.calibration.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it('writes JSON without NaN that the report schema accepts', async () => {
    const report = await assessFairness(tiny);
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/NaN/);
    expect(fairnessReportSchema.parse(JSON.parse(text))).toEqual(report);
  });

  it('has no flip test without a model', async () => {
    const s = (await assessFairness(tiny)).sensitive['G'];
    expect(s?.is_model_input).toBe(false);
    expect(s?.flip).toBeNull();
  });

  it('flips a binary model input and reports how far the probability moves', async () => {
    const sex = ['1', '2', '2', '1', '', '1', '2'];
    const score = (columns: readonly (Float32Array | readonly string[])[]): Float32Array => {
      const values = columns[0] as readonly string[];
      return Float32Array.from(values, (v) => (v === '2' ? 0.75 : v === '1' ? 0.5 : 0.25));
    };
    const base = score([sex]);
    const report = await assessFairness({
      ...tiny,
      probability: base,
      sensitive: [{ name: 'SEX', keys: sex.map((v) => (v === '' ? '(missing)' : v)) }],
      model: {
        inputs: [{ name: 'SEX', values: sex }],
        score: (columns) => Promise.resolve(score(columns)),
      },
    });
    expect(report.sensitive['SEX']?.flip).toEqual({
      values: ['1', '2'],
      rows: 6,
      max_abs_delta: 0.25,
      mean_abs_delta: 0.25,
    });
  });

  it('finds no effect when the model ignores the flipped numeric input', async () => {
    const sex = Float32Array.from([1, 2, 2, 1, 1, 2, 2]);
    const age = Float32Array.from([20, 30, 40, 50, 60, 70, 80]);
    const report = await assessFairness({
      ...tiny,
      probability: age.map((a) => a / 100),
      sensitive: [{ name: 'SEX', keys: [...sex].map(String) }],
      model: {
        inputs: [
          { name: 'SEX', values: sex },
          { name: 'AGE', values: age },
        ],
        score: (columns) =>
          Promise.resolve(Float32Array.from(columns[1] as Float32Array, (a) => a / 100)),
      },
    });
    expect(report.sensitive['SEX']?.flip).toMatchObject({ max_abs_delta: 0, rows: 7 });
  });

  it('has no flip test for a model input with more than two values', async () => {
    const report = await assessFairness({
      ...tiny,
      model: {
        inputs: [{ name: 'G', values: ['a', 'a', 'a', 'a', 'b', 'b', 'c'] }],
        score: () => Promise.reject(new Error('must not be scored')),
      },
    });
    expect(report.sensitive['G']).toMatchObject({ is_model_input: true, flip: null });
  });
});
