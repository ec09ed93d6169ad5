/**
 * What a cancelled job leaves in a real MLflow: its run, if still RUNNING, ends with the status
 * given and the reason as a tag (a run that already ended keeps its status); of the versions the
 * run registered, only those the gate never reached (`interrupted` or no decision) are deleted.
 */
import { integrationClient, uniqueName } from '@champion/trainer/test-support';
import { silentLogger, type MlflowClient } from 'mlflow-js-client';
import { endRunIfOpen, removeInterruptedVersions } from './mlflow-cleanup.js';

let client: MlflowClient;
beforeAll(() => {
  client = integrationClient();
});
afterAll(() => client.close());

async function newRun(): Promise<string> {
  const experimentId = await client.experiments.create({ name: uniqueName('ctl-cleanup') });
  return (await client.runs.create({ experimentId })).info.run_id;
}

it('ends a RUNNING run KILLED with the reason, and leaves an ended run as it is', async () => {
  const runId = await newRun();
  expect(await endRunIfOpen({ client, runId, status: 'KILLED', reason: 'cancelled' })).toBe(
    'KILLED',
  );
  const run = await client.runs.get(runId);
  expect(run.info.status).toBe('KILLED');
  expect(run.data.tags).toContainEqual({ key: 'champion.failure', value: 'cancelled' });
  expect(await endRunIfOpen({ client, runId, status: 'FAILED', reason: 'later' })).toBe('KILLED');
});

it("deletes the run's versions the gate never reached, and no other", async () => {
  const runId = await newRun();
  const name = uniqueName('ctl-cleanup');
  await client.registry.models.create({ name });
  const version = (decision: string) =>
    client.registry.versions.create({
      name,
      source: `runs:/${runId}/model`,
      runId,
      tags: { 'champion.gate.decision': decision },
    });
  const interrupted = await version('interrupted');
  const rejected = await version('rejected');
  expect(await removeInterruptedVersions({ client, runId, logger: silentLogger })).toEqual([
    interrupted.version,
  ]);
  const left = await client.registry.versions.searchAll({ filter: `name = '${name}'` });
  expect(left.map((v) => v.version)).toEqual([rejected.version]);
});
