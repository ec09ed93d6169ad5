/**
 * Acceptance: the HTTP service when MLflow is down at start. With the cache of a previous run it
 * serves; without one it is alive but not ready, and becomes ready once MLflow answers.
 */
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import { startServer, type RunningServer } from '../src/server.js';
import {
  eventually,
  freePort,
  impatientClient,
  integrationClient,
  startTcpProxy,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { sampleRecords, testConfig, servedModel } from './serving-fixtures.js';

const status = async (url: string): Promise<number> => {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
};

describe('the service when MLflow is down at start', () => {
  const name = uniqueName('outage');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let trained: { version: string };
  const servers: RunningServer[] = [];
  const clients: MlflowClient[] = [];

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('outage');
    trained = await trainChampion({ client, name, dir: tmp.dir });
    // A previous run, with MLflow up, fills the cache.
    const previous = await startServer({ config: testConfig({ name, dir: tmp.dir }), client });
    await servedModel(previous.host);
    await previous.shutdown();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.shutdown()));
    await Promise.all(clients.map((c) => c.close()));
    await client.close();
    await tmp.cleanup();
  });

  async function serveThrough(options: { port: number; dir: string }): Promise<RunningServer> {
    const down = impatientClient(`http://127.0.0.1:${options.port}`);
    clients.push(down);
    const server = await startServer({
      config: testConfig({ name, dir: options.dir }),
      client: down,
    });
    servers.push(server);
    return server;
  }

  it('serves predictions from the cache of a previous run', async () => {
    const server = await serveThrough({ port: await freePort(), dir: tmp.dir });
    await eventually(() => server.host.current() !== undefined, 10_000);
    const model = server.host.current();
    if (!model) throw new Error('nothing served');
    const res = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleRecords(model, 1)[0]),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ model: { name, version: trained.version } });
    const health: unknown = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ model: { serving: { source: 'cache' } } });
  });

  describe('without a cache', () => {
    let server: RunningServer;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      server = await serveThrough({ port, dir: join(tmp.dir, 'fresh') });
      await eventually(() => server.host.health().lastError !== undefined, 10_000);
    });

    it('is alive but not ready', async () => {
      expect(await status(`${server.url}/livez`)).toBe(200);
      expect(await status(`${server.url}/readyz`)).toBe(503);
    });

    it('answers /predict with 503 rather than an error of the client', async () => {
      const res = await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(503);
    });

    it('becomes ready once MLflow answers again', async () => {
      const proxy = await startTcpProxy({
        port,
        target: new URL(process.env['MLFLOW_TRACKING_URI'] ?? ''),
      });
      try {
        const end = Date.now() + 15_000;
        while ((await status(`${server.url}/readyz`)) !== 200) {
          if (Date.now() > end) throw new Error(JSON.stringify(server.host.health()));
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(server.host.health().serving).toMatchObject({
          version: trained.version,
          source: 'mlflow',
        });
      } finally {
        await server.shutdown();
        await proxy.close();
      }
    });
  });
});
