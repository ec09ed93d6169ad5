import { loggedModelName } from '../mlflow/log-model.js';
import { checkTrainOptions } from './train-options.js';

describe('train options', () => {
  it('accepts a registered model name with dots and dashes', () => {
    expect(() => checkTrainOptions({ name: 'credit.default-v2' })).not.toThrow();
  });

  it.each(['', ' ', 'team/credit', 'credit:v1', '..credit'])(
    'refuses the model name %j that the registry refuses',
    (name) => {
      expect(() => checkTrainOptions({ name })).toThrow(/not allowed by the MLflow registry/);
    },
  );

  it('refuses an unknown learner, listing the known ones', () => {
    expect(() => checkTrainOptions({ name: 'm', learners: ['forest'] })).toThrow(
      "unknown learner 'forest'; choose from gbdt, logreg",
    );
  });

  it('refuses fairness gate rules without sensitive columns to assess', () => {
    expect(() =>
      checkTrainOptions({ name: 'm', gate: { fairness: { maxEqualizedOddsDiff: 0.1 } } }),
    ).toThrow(/add --sensitive/);
  });

  it('refuses the target as a sensitive column', () => {
    expect(() =>
      checkTrainOptions({ name: 'm', data: { target: 'default' }, sensitive: ['SEX', 'default'] }),
    ).toThrow(/target 'default' cannot be a sensitive column/);
  });

  it('refuses an empty learner list', () => {
    expect(() => checkTrainOptions({ name: 'm', learners: [] })).toThrow(/no learner given/);
  });

  it.each([
    ['candidates', { candidates: 0 }],
    ['folds', { folds: 2.5 }],
    ['time budget', { timeBudgetSeconds: 0 }],
  ])('refuses a non-positive or fractional %s', (_what, bad) => {
    expect(() => checkTrainOptions({ name: 'm', ...bad })).toThrow(/must be/);
  });
});

describe('logged model names', () => {
  it('replaces the characters MLflow refuses in logged model names', () => {
    expect(loggedModelName('credit.default-gbdt')).toBe('credit_default-gbdt');
    expect(loggedModelName(`a/b:c%d"e'f`)).toBe('a_b_c_d_e_f');
  });
});
