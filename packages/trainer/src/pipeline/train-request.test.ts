/**
 * The training options schema the CLI and the control service share: text (a query string) and
 * typed values (JSON, commander) mean the same; bad values are named by their flag; a validated
 * request turns back into the flags that give it.
 */
import { TrainerError } from '../errors.js';
import { parseTrainRequest, trainRequestArgs, trainRequestGate } from './train-request.js';

it('reads a query string (kebab-case names, text values) as JSON gives the same options', () => {
  const fromQuery = parseTrainRequest({
    target: 'default',
    'id-cols': 'id, ref',
    'time-budget': '30',
    learners: 'logreg',
    'set-aside-bad-rows': 'true',
    register: 'false',
    sensitive: 'sex,age',
    'max-equalized-odds-diff': '0.1',
  });
  const fromJson = parseTrainRequest({
    target: 'default',
    idCols: ['id', 'ref'],
    timeBudget: 30,
    learners: ['logreg'],
    setAsideBadRows: true,
    register: false,
    sensitive: ['sex', 'age'],
    maxEqualizedOddsDiff: 0.1,
  });
  expect(fromQuery).toEqual(fromJson);
  expect(fromQuery).toMatchObject({
    idCols: ['id', 'ref'],
    timeBudget: 30,
    search: 'default',
    seed: 42,
  });
});

it('names each bad option by its flag', () => {
  const bad = (): unknown =>
    parseTrainRequest({ 'time-budget': '-3', candidates: '1.5', search: 'huge' });
  expect(bad).toThrow(TrainerError);
  expect(bad).toThrow(
    /--target: the column to predict is required; .*--search: .*--candidates: .*--time-budget: must be a positive number of seconds/s,
  );
});

it('keeps a value that starts with a dash one argument, never a flag of its own', () => {
  const args = trainRequestArgs(parseTrainRequest({ target: 'y', name: '--data=/etc/passwd' }));
  expect(args).toContain('--name=--data=/etc/passwd');
  expect(args.filter((a) => a.startsWith('--data'))).toEqual([]);
});

it('ignores keys that are not training options (the CLI passes its globals and --data)', () => {
  expect(parseTrainRequest({ target: 'y', json: true, data: 'x.csv' })).not.toHaveProperty('data');
});

it('turns a request back into the flags that give the same request', () => {
  const request = parseTrainRequest({
    target: 'default',
    idCols: ['id'],
    register: false,
    candidates: 2,
    thresholdFor: 'cost',
  });
  const args = trainRequestArgs(request);
  expect(args).toEqual(
    expect.arrayContaining([
      '--target=default',
      '--id-cols=id',
      '--no-register',
      '--candidates=2',
      '--threshold-for=cost',
    ]),
  );
  const back = Object.fromEntries(
    args.map((arg) => {
      if (arg === '--no-register') return ['register', 'false'];
      const [flag = '', ...value] = arg.slice(2).split('=');
      return [flag, value.length === 0 ? 'true' : value.join('=')];
    }),
  );
  expect(parseTrainRequest(back)).toEqual(request);
});

it('asks the gate for the fairness rules given, as `champion train` does', () => {
  const request = parseTrainRequest({
    target: 'default',
    sensitive: 'SEX,AGE',
    'max-equalized-odds-diff': '0.1',
    'min-demographic-parity-ratio': '0.8',
  });
  expect(trainRequestGate(request)).toMatchObject({
    floors: { roc_auc: 0.6 },
    fairness: { maxEqualizedOddsDiff: 0.1, minDemographicParityRatio: 0.8 },
  });
  expect(trainRequestArgs(request)).toEqual(
    expect.arrayContaining([
      '--sensitive=SEX,AGE',
      '--max-equalized-odds-diff=0.1',
      '--min-demographic-parity-ratio=0.8',
    ]),
  );
});
