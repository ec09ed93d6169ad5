/**
 * Two trainers saving the same new experiment tag at once: MLflow's store inserts both and the
 * loser's unique constraint fails with HTTP 400 (seen in CI: "(sqlite3.IntegrityError) UNIQUE
 * constraint failed: experiment_tags.key, experiment_tags.experiment_id"). The tag exists then,
 * so the client sets it once more; any other 400 still fails.
 */
import { MlflowClient } from 'mlflow-js-client';
import { FakeMlflow } from 'mlflow-js-client/test-support';

const TAG_PATH = '/api/2.0/mlflow/experiments/set-experiment-tag';
const COLLISION = {
  status: 400,
  json: {
    error_code: 'BAD_REQUEST',
    message:
      '(sqlite3.IntegrityError) UNIQUE constraint failed: experiment_tags.key, experiment_tags.experiment_id',
  },
};

let fake: FakeMlflow;
let client: MlflowClient;

beforeEach(async () => {
  fake = await FakeMlflow.start();
  client = new MlflowClient({ trackingUri: fake.url, retry: { maxAttempts: 1 } });
});

afterEach(async () => {
  await client.close();
  await fake.close();
});

it('sets a tag whose first insert collided with a concurrent one', async () => {
  let calls = 0;
  fake.route('POST', TAG_PATH, () => (++calls === 1 ? COLLISION : { json: {} }));
  await client.experiments.setTag('1', 'mlflow.sharedViewState.x', '{}');
  expect(calls).toBe(2);
  expect(fake.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
    { experiment_id: '1', key: 'mlflow.sharedViewState.x', value: '{}' },
    { experiment_id: '1', key: 'mlflow.sharedViewState.x', value: '{}' },
  ]);
});

it('still fails on any other refusal, after one request', async () => {
  fake.route('POST', TAG_PATH, {
    status: 400,
    json: { error_code: 'INVALID_PARAMETER_VALUE', message: 'key too long' },
  });
  await expect(client.experiments.setTag('1', 'k', 'v')).rejects.toThrow(/key too long/);
  expect(fake.requests).toHaveLength(1);
});

it('gives up when the repeated set collides again', async () => {
  fake.route('POST', TAG_PATH, COLLISION);
  await expect(client.experiments.setTag('1', 'k', 'v')).rejects.toThrow(/UNIQUE constraint/);
  expect(fake.requests).toHaveLength(2);
});
