import { FAIRNESS_PARAMS, fairnessParams, readFairnessSettings } from './settings.js';

const read = (params: Record<string, string>) =>
  readFairnessSettings(new Map(Object.entries(params)), 'r1');

describe('fairness settings as run params', () => {
  it('reads back the sensitive columns and rules a training recorded', () => {
    const settings = {
      sensitive: ['SEX', 'AGE_GROUP'],
      rules: { maxEqualizedOddsDiff: 0.1, minDemographicParityRatio: 0.8 },
    };
    expect(read(fairnessParams(settings))).toEqual(settings);
  });

  it('records nothing for a training without them, and reads that back as none', () => {
    expect(fairnessParams({ sensitive: [], rules: {} })).toEqual({});
    expect(read({ target: 'default', seed: '42' })).toEqual({ sensitive: [], rules: {} });
  });

  it('names the param when a recorded rule is not a number', () => {
    expect(() => read({ [FAIRNESS_PARAMS.maxDemographicParityDiff]: 'lots' })).toThrow(
      /run r1: param 'gate_max_demographic_parity_diff' is 'lots', not a number/,
    );
  });
});
