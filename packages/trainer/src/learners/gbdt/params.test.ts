import { GbdtError, parseGbdtParams, trainGbdt } from './index.js';
import { makeDataset, uniform } from './test-fixtures.js';

describe('parseGbdtParams', () => {
  it('fills LightGBM defaults', () => {
    const params = parseGbdtParams({});
    expect(params).toMatchObject({
      num_leaves: 31,
      learning_rate: 0.1,
      n_estimators: 100,
      max_bin: 255,
    });
  });

  it.each([
    [{ num_leaves: 1 }, 'num_leaves'],
    [{ learning_rate: 0 }, 'learning_rate'],
    [{ bagging_fraction: 1.5 }, 'bagging_fraction'],
    [{ n_estimators: 2.5 }, 'n_estimators'],
    [{ is_unbalance: true, scale_pos_weight: 3 }, 'scale_pos_weight'],
    [{ numLeaves: 4 }, 'numLeaves'],
  ])('rejects %j with an error naming %s', (input, name) => {
    const call = () => parseGbdtParams(input as Parameters<typeof parseGbdtParams>[0]);
    expect(call).toThrow(GbdtError);
    expect(call).toThrow(name);
  });

  it('refuses early stopping without a validation set', () => {
    const data = makeDataset({
      rows: 50,
      seed: 1,
      columns: [uniform('x')],
      label: ([x]) => (x as number) > 0,
    });
    expect(() => trainGbdt(data, { params: { early_stopping_rounds: 5 } })).toThrow(
      'validation set',
    );
  });
});
