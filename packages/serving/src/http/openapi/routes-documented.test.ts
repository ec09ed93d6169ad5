import type { RequestListener } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { FAKE_MODEL } from '../test-support/fake-host.js';
import { closeTestApps, testApp } from '../test-support/fixtures.js';

afterEach(closeTestApps);

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD /path` of every route the express app answers (405 catch-alls left out). */
function servedRoutes(app: Express): string[] {
  const walk = (stack: readonly Layer[]): string[] =>
    stack.flatMap((layer) => {
      if (layer.route !== undefined) {
        const { path, methods } = layer.route;
        return Object.keys(methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  return walk(router.stack).sort();
}

async function documentedRoutes(app: RequestListener): Promise<string[]> {
  const doc = (await request(app).get('/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('the OpenAPI document and the routes', () => {
  it('documents exactly the routes the server answers', async () => {
    const { app, express } = testApp();
    expect(await documentedRoutes(app)).toEqual(servedRoutes(express));
  });

  it('answers every documented operation (no documented path is a 404)', async () => {
    const { app } = testApp();
    for (const route of await documentedRoutes(app)) {
      const [method = '', template = ''] = route.split(' ');
      const path = template
        .replace('{name}', FAKE_MODEL.name)
        .replace('{version}', FAKE_MODEL.version);
      const res =
        method === 'GET' ? await request(app).get(path) : await request(app).post(path).send({});
      expect({ route, notFound: res.status === 404 && /No endpoint/.test(res.text) }).toEqual({
        route,
        notFound: false,
      });
    }
  });
});
