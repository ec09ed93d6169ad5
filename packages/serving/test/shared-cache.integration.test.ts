/**
 * Two `champion serve` processes sharing one CHAMPION_CACHE_DIR (replicas on one host, or a
 * shared volume), started at once: both become ready on the @champion version, both score
 * /model/example, and the cache ends with one complete copy of the version.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import {
  freePort,
  integrationClient,
  registerFixtureChampion,
  tempDir,
  uniqueName,
} from '@champion/trainer/test-support';
import { spawnServe, type Child } from './serving-fixtures.js';

describe('replicas sharing one model cache folder', () => {
  const name = uniqueName('shared-cache');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let version: string;
  const children: Child[] = [];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('shared-cache');
    version = await registerFixtureChampion({ client, name, dir: join(tmp.dir, 'model') });
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill();
    await client.close();
    await tmp.cleanup();
  });

  async function serve(replica: string): Promise<string> {
    const port = await freePort();
    const child = await spawnServe({
      name,
      port,
      dir: tmp.dir,
      env: {
        CHAMPION_CACHE_DIR: join(tmp.dir, 'shared-cache'),
        CHAMPION_INFERENCE_STORE: join(tmp.dir, `store-${replica}`),
      },
    });
    children.push(child);
    return `http://127.0.0.1:${port}`;
  }

  it('two processes started at once both become ready and serve the version', async () => {
    // spawnServe waits for /readyz to answer 200 (90 s at most).
    const urls = await Promise.all([serve('a'), serve('b')]);
    for (const url of urls) {
      const health = (await (await fetch(`${url}/health`)).json()) as {
        model: { serving?: { version: string }; refused?: unknown };
      };
      expect(health.model.serving?.version).toBe(version);
      expect(health.model.refused).toBeUndefined();
      const records = (await (await fetch(`${url}/model/example`)).json()) as unknown[];
      const answer = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(records.slice(0, 1)),
      });
      expect(answer.status).toBe(200);
    }
    expect(await readdir(join(tmp.dir, 'shared-cache', 'versions', name))).toEqual([version]);
  }, 120_000);
});
