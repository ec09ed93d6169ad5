/**
 * The model lifecycle against a real MLflow server: serve @champion, follow the alias, refuse a
 * broken version, survive an MLflow outage with and without a cached last good version.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { breakSchema, tempDir } from '@champion/trainer/test-support';
import {
  eventually,
  freePort,
  impatientClient,
  integrationClient,
  registerDir,
  startTcpProxy,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import { ModelManager } from './model-manager.js';
import { syntheticBatch } from '@champion/runtime';

const POLL_MS = 400;

describe('ModelManager with a real MLflow server', () => {
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let trained: { experimentId: string; modelId: string; version: string };
  const name = uniqueName('serving-it');
  const cacheDir = (): string => join(tmp.dir, 'cache');
  const managers: ModelManager[] = [];

  function manager(options: { client?: MlflowClient; cacheDir?: string } = {}): ModelManager {
    const m = new ModelManager({
      client: options.client ?? client,
      name,
      pollIntervalMs: POLL_MS,
      cacheDir: options.cacheDir ?? cacheDir(),
      retryMinMs: 50,
    });
    managers.push(m);
    return m;
  }

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('serving-it');
    trained = await trainChampion({ client, name, dir: tmp.dir });
  });
  afterAll(async () => {
    await Promise.all(managers.map((m) => m.stop()));
    await client.close();
    await tmp.cleanup();
  });

  describe('following @champion', () => {
    let host: ModelManager;
    let second: string;
    beforeAll(async () => {
      host = manager();
      await host.start();
    });

    it('serves the version @champion points at, with its logged params', () => {
      expect(host.health()).toMatchObject({
        state: 'ready',
        serving: { version: trained.version, source: 'mlflow' },
      });
      expect(host.current()?.modelId).toBe(trained.modelId);
      expect(host.current()?.params['learner']).toBeDefined();
    });

    it('scores a batch with the served model', async () => {
      const model = host.current();
      if (!model) throw new Error('nothing served');
      const scores = await host.score(syntheticBatch(model.features, 10));
      expect(scores.probability).toHaveLength(10);
      expect(scores.model.version).toBe(trained.version);
    });

    it('swaps to a new version within the poll interval when @champion moves', async () => {
      const swaps: string[] = [];
      host.onSwap((next, previous) => swaps.push(`${previous?.version}->${next.version}`));
      const created = await client.registry.versions.create({
        name,
        source: `models:/${trained.modelId}`,
        modelId: trained.modelId,
      });
      second = (await client.registry.versions.waitUntilReady({ name, version: created.version }))
        .version;
      await client.registry.aliases.set({ name, alias: 'champion' }, second);
      await eventually(() => host.current()?.version === second, POLL_MS * 5);
      expect(swaps).toEqual([`${trained.version}->${second}`]);
    });

    it('keeps only the serving version on disk after a swap', async () => {
      // The old folder is pruned just after the swap (after last-good.json is written), so the
      // swap seen by the previous test may come a moment before it: wait up to a few polls.
      const versions = (): Promise<string[]> => readdir(join(cacheDir(), 'versions', name));
      const deadline = Date.now() + POLL_MS * 5;
      let dirs = await versions();
      while (dirs.length > 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        dirs = await versions();
      }
      expect(dirs).toEqual([second]);
    });

    it('keeps serving the old version when @champion moves to a model whose ONNX inputs do not match its schema', async () => {
      const broken = join(tmp.dir, 'broken');
      await client.resolveModelUri(`models:/${name}/${trained.version}`, broken);
      await breakSchema(broken, { from: 'income', to: 'salary' });
      const bad = await registerDir({
        client,
        name,
        experimentId: trained.experimentId,
        dir: broken,
      });
      await client.registry.aliases.set({ name, alias: 'champion' }, bad);
      await eventually(() => host.health().refused?.version === bad, POLL_MS * 5);
      expect(host.health()).toMatchObject({ state: 'ready', serving: { version: second } });
      expect(host.health().refused?.reason).toMatch(/'salary'.*not inputs of model\.onnx/);
      const model = host.current();
      if (!model) throw new Error('nothing served');
      await expect(host.score(syntheticBatch(model.features, 3))).resolves.toMatchObject({
        model: { version: second },
      });
    });

    it('does not re-check a refused version on every poll', async () => {
      const at = host.health().refused?.at;
      await new Promise((r) => setTimeout(r, POLL_MS * 3));
      expect(host.health().refused?.at).toBe(at);
      await expect(host.checkNow()).resolves.toMatchObject({
        changed: false,
        refused: host.health().refused?.version,
      });
      expect(host.health().refused?.at).toBe(at);
    });
  });

  describe('when MLflow is down at start', () => {
    beforeAll(async () => {
      // The block above leaves @champion on a refused version.
      await client.registry.aliases.set({ name, alias: 'champion' }, trained.version);
    });

    it('serves the last good version from the cache', async () => {
      const down = impatientClient(`http://127.0.0.1:${await freePort()}`);
      const host = manager({ client: down });
      await host.start();
      const health = host.health();
      expect(health).toMatchObject({ state: 'ready', serving: { source: 'cache' } });
      expect(health.lastError?.message).toMatch(/cannot resolve/);
      await down.close();
    });

    it('is not ready without a cache, and becomes ready once MLflow answers', async () => {
      const port = await freePort();
      const later = impatientClient(`http://127.0.0.1:${port}`);
      const host = manager({ client: later, cacheDir: join(tmp.dir, 'empty-cache') });
      await host.start();
      expect(host.health().state).toBe('unavailable');
      expect(host.current()).toBeUndefined();
      const proxy = await startTcpProxy({
        port,
        target: new URL(process.env['MLFLOW_TRACKING_URI'] ?? ''),
      });
      try {
        await eventually(() => host.health().state === 'ready', POLL_MS * 10).catch(
          (e: unknown) => {
            throw new Error(`${String(e)}: ${JSON.stringify(host.health())}`);
          },
        );
        expect(host.health().serving?.source).toBe('mlflow');
      } finally {
        await host.stop();
        await later.close();
        await proxy.close();
      }
    });
  });

  describe('replicas sharing one cache folder', () => {
    it('all become ready when they start at once, and leave one copy of the version', async () => {
      const shared = join(tmp.dir, 'shared-cache');
      const hosts = [0, 1, 2, 3].map(() => manager({ cacheDir: shared }));
      await Promise.all(hosts.map((h) => h.start()));
      await eventually(() => hosts.every((h) => h.health().state === 'ready'), POLL_MS * 10).catch(
        (e: unknown) => {
          throw new Error(`${String(e)}: ${JSON.stringify(hosts.map((h) => h.health()))}`);
        },
      );
      for (const host of hosts) {
        expect(host.health()).toMatchObject({ serving: { version: trained.version } });
        expect(host.health().refused).toBeUndefined();
        const model = host.current();
        if (!model) throw new Error('nothing served');
        await expect(host.score(syntheticBatch(model.features, 2))).resolves.toMatchObject({
          model: { version: trained.version },
        });
      }
      expect(await readdir(join(shared, 'versions', name))).toEqual([trained.version]);
      await Promise.all(hosts.map((h) => h.stop()));
    });

    it('does not take the folder from under a replica about to load it', async () => {
      // Replica A has placed the version and is paused before loading it (in the logged-model
      // call); replica B then downloads the same version into the same cache.
      const shared = join(tmp.dir, 'shared-cache-2');
      const aPlaced = opener();
      const aGo = opener();
      const slowA = Object.create(client) as MlflowClient;
      Object.defineProperty(slowA, 'loggedModels', {
        value: {
          get: async (id: string) => {
            aPlaced.open();
            await aGo.gate;
            return client.loggedModels.get(id);
          },
        },
      });
      let calls = 0;
      const watchedB = Object.create(client) as MlflowClient;
      watchedB.resolveModelUri = async (uri, destDir, options) => {
        calls++;
        await aPlaced.gate;
        if (calls > 1) {
          // B retries: let A load now, while B's retry is under way.
          aGo.open();
          await eventually(() => a.health().state !== 'loading', POLL_MS * 10);
        }
        return client.resolveModelUri(uri, destDir, options);
      };
      const a = manager({ client: slowA, cacheDir: shared });
      const b = manager({ client: watchedB, cacheDir: shared });
      const started = Promise.all([a.start(), b.start()]);
      await eventually(() => b.health().state === 'ready', POLL_MS * 10);
      aGo.open();
      await started;
      await eventually(() => a.health().state === 'ready', POLL_MS * 10).catch((e: unknown) => {
        throw new Error(`${String(e)}: ${JSON.stringify(a.health())}`);
      });
      expect(a.health()).toMatchObject({ serving: { version: trained.version } });
      expect(a.health().refused).toBeUndefined();
      await Promise.all([a.stop(), b.stop()]);
    });
  });
});

function opener(): { gate: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const gate = new Promise<void>((done) => (open = done));
  return { gate, open };
}
