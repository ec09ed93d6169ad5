/**
 * The training options schema the CLI and the control service share: text (a query string) and
 * typed values (JSON, commander) mean the same; bad values are named by their flag; a validated
 * request turns back into the flags that give it.
 */
import { TrainerError } from '../errors.js';
import { parseTrainRequest, trainRequestArgs } from './train-request.js';

it('reads a query string (kebab-case names, text values) as JSON gives the same options', () => {
  const fromQuery = parseTrainRequest({
    target: 'default',
    'id-cols': 'id, ref',
    'time-budget': '30',
    learners: 'logreg',
    'set-aside-bad-rows': 'true',
    register: 'false',
  });
  const fromJson = parseTrainRequest({
    target: 'default',
    idCols: ['id', 'ref'],
    timeBudget: 30,
    learners: ['logreg'],
    setAsideBadRows: true,
    register: false,
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
    /--target: .*--search: .*--candidates: .*--time-budget: must be a positive number of seconds/s,
  );
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
      '--target',
      'default',
      '--id-cols',
      'id',
      '--no-register',
      '--candidates',
      '2',
      '--threshold-for',
      'cost',
    ]),
  );
  const back: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? '';
    if (flag === '--no-register') back['register'] = 'false';
    else if (args[i + 1] === undefined || args[i + 1]?.startsWith('--'))
      back[flag.slice(2)] = 'true';
    else back[flag.slice(2)] = args[++i];
  }
  expect(parseTrainRequest(back)).toEqual(request);
});
