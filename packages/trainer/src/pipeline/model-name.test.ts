import { TrainerError } from '../errors.js';
import { defaultModelName } from './model-name.js';

describe('defaultModelName', () => {
  it.each([
    ['loans_2024.csv', 'loans-2024'],
    ['/data/in/Credit Data.CSV', 'credit-data'],
    ['./x/__Loans--2024__.parquet', 'loans-2024'],
    ['uci_credit_default.csv.gz', 'uci-credit-default'],
    ['résumé.v2.csv', 'r-sum-v2'],
    ['noext', 'noext'],
  ])('%s → %s', (path, name) => {
    expect(defaultModelName(path)).toBe(name);
  });

  it('refuses a file name without letters or digits, naming the file and --name', () => {
    expect(() => defaultModelName('/tmp/___.csv')).toThrow(TrainerError);
    expect(() => defaultModelName('/tmp/___.csv')).toThrow(/'___\.csv'.*--name/);
  });
});
