/**
 * Acceptance: the HTTP service follows @champion under load. Moving the alias swaps the model
 * without a failed request; moving it to a broken version keeps the old one serving and says why.
 */
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import {
  integrationClient,
  registerDir,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import { breakSchema, tempDir } from '@champion/trainer/test-support';
import {
  newVersionOf,
  runLoad,
  sampleRecords,
  testConfig,
  type LoadResult,
  servedModel,
} from './serving-fixtures.js';

const POLL_MS = 500;
/** Download + ONNX check + warm-up of a small model, on a busy 2-core machine. */
const LOAD_BUDGET_MS = 4000;

interface HealthBody {
  model: { serving?: { version: string }; refused?: { version: string; reason: string } };
}

describe('the service under load while @champion moves', () => {
  const name = uniqueName('hot-swap');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let trained: { experimentId: string; modelId: string; version: string };
  let server: RunningServer;
  let body: Record<string, unknown>[];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('hot-swap');
    trained = await trainChampion({ client, name, dir: tmp.dir });
    server = await startServer({
      config: testConfig({ name, dir: tmp.dir, pollIntervalMs: POLL_MS }),
      client,
    });
    const model = await servedModel(server.host);
    body = sampleRecords(model, 4);
  });
  afterAll(async () => {
    await server.shutdown();
    await client.close();
    await tmp.cleanup();
  });

  describe('to a good version', () => {
    let load: LoadResult;
    let movedAtMs: number;
    let second: string;
    beforeAll(async () => {
      second = await newVersionOf({ client, name, modelId: trained.modelId });
      const started = Date.now();
      const running = runLoad({
        url: `${server.url}/predict`,
        body,
        concurrency: 8,
        durationMs: 1000 + POLL_MS + LOAD_BUDGET_MS + 1000,
      });
      await new Promise((r) => setTimeout(r, 1000));
      await client.registry.aliases.set({ name, alias: 'champion' }, second);
      movedAtMs = Date.now() - started;
      load = await running;
    });

    it('answers every request with 200', () => {
      expect(load.failures).toEqual([]);
      expect(load.ok).toBeGreaterThan(100);
    });

    it('serves the old version before the move', () => {
      expect(load.versions.filter((v) => v.atMs < movedAtMs).map((v) => v.version)).toContain(
        trained.version,
      );
    });

    it('serves the new version within the poll interval plus the load time', () => {
      const firstNew = load.versions.find((v) => v.version === second);
      expect(firstNew).toBeDefined();
      expect(firstNew?.atMs).toBeLessThanOrEqual(movedAtMs + POLL_MS + LOAD_BUDGET_MS);
    });

    it('never goes back to the old version once the new one answered', () => {
      const firstNewAt = load.versions.find((v) => v.version === second)?.atMs ?? Infinity;
      // Requests already scoring on the old model may still complete in the same instant.
      const late = load.versions.filter((v) => v.atMs > firstNewAt + 100 && v.version !== second);
      expect(late).toEqual([]);
    });
  });

  describe('to a version whose ONNX inputs do not match its schema', () => {
    let load: LoadResult;
    let bad: string;
    let health: HealthBody;
    let serving: string;
    beforeAll(async () => {
      serving = server.host.current()?.version ?? '';
      const dir = join(tmp.dir, 'broken');
      await client.resolveModelUri(`models:/${name}/${trained.version}`, dir);
      await breakSchema(dir, { from: 'income', to: 'salary' });
      bad = await registerDir({ client, name, experimentId: trained.experimentId, dir });
      const running = runLoad({
        url: `${server.url}/predict`,
        body,
        concurrency: 8,
        durationMs: 500 + POLL_MS + LOAD_BUDGET_MS,
      });
      await new Promise((r) => setTimeout(r, 500));
      await client.registry.aliases.set({ name, alias: 'champion' }, bad);
      load = await running;
      health = (await (await fetch(`${server.url}/health`)).json()) as HealthBody;
    });

    it('answers every request with 200 from the version it served before', () => {
      expect(load.failures).toEqual([]);
      expect(new Set(load.versions.map((v) => v.version))).toEqual(new Set([serving]));
    });

    it('reports the refused version and why on GET /health', () => {
      expect(health.model.serving?.version).toBe(serving);
      expect(health.model.refused?.version).toBe(bad);
      expect(health.model.refused?.reason).toMatch(/salary/);
    });
  });
});
