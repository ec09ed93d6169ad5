import request from 'supertest';
import { fakeProbability } from '../test-support/fake-host.js';
import { closeTestApps, testApp } from '../test-support/fixtures.js';
import { parsePythonJson } from './python-json.js';

afterEach(closeTestApps);

describe('parsePythonJson', () => {
  it("reads Python's NaN as null and Infinity as an infinite number, outside strings only", () => {
    expect(
      parsePythonJson('{"a": [NaN, 1, Infinity, -Infinity], "s": "NaN \\" Infinity", "n": null}'),
    ).toEqual({ a: [null, 1, Infinity, -Infinity], s: 'NaN " Infinity', n: null });
  });

  it('reads strict JSON as JSON.parse does', () => {
    expect(parsePythonJson('{"a": "x\\\\", "b": [1.5]}')).toEqual({ a: 'x\\', b: [1.5] });
  });

  it.each(['{"a": NaNa}', '{"a": nan}', '{"a": "NaN}'])(
    'refuses %s, not JSON either way, as MALFORMED_BODY',
    (text) => {
      let thrown: unknown;
      try {
        parsePythonJson(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toMatchObject({ code: 'MALFORMED_BODY' });
    },
  );
});

describe('/invocations with a body as json.dumps writes a pandas frame', () => {
  it('scores NaN as a missing value, as mlflow models serve does', async () => {
    const { app } = testApp();
    const body =
      '{"dataframe_split": {"index": [0], "columns": ["age", "income", "region", "plan"], "data": [[70, NaN, "east", "3"]]}}';
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(200);
    const p = Math.fround(fakeProbability({ age: 70, income: NaN, region: 'east', plan: '3' }));
    expect(res.body).toEqual({ predictions: [{ probability: p, label: p >= 0.5 ? 'yes' : 'no' }] });
  });

  it('refuses Infinity for a number, naming the field', async () => {
    const { app } = testApp();
    const body =
      '{"dataframe_split": {"columns": ["age", "income", "region", "plan"], "data": [[70, Infinity, "east", "3"]]}}';
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(422);
    expect(res.body.error.details).toEqual([
      { path: 'dataframe_split.data[0].income', problem: expect.any(String) },
    ]);
  });

  it('answers a body that is not JSON with 400 in MLflow format', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/invocations')
      .set('Content-Type', 'application/json')
      .send('{"dataframe_split": ')
      .expect(400);
    expect(res.body).toMatchObject({
      error_code: 'BAD_REQUEST',
      error: { code: 'MALFORMED_BODY' },
    });
  });
});
