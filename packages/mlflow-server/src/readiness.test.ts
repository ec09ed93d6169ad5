import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Wait } from './readiness.js';

function serve(status: number): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_req, res) => res.writeHead(status).end('x'));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

describe('Wait.forHttp', () => {
  it('resolves once the health path answers 200', async () => {
    const server = await serve(200);
    const signal = new AbortController().signal;
    try {
      await expect(
        Wait.forHttp('/health').waitUntilReady({ baseUrl: server.url, signal }),
      ).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('times out with HEALTH_TIMEOUT and the last status when it never answers OK', async () => {
    const server = await serve(503);
    const signal = new AbortController().signal;
    const wait = Wait.forHttp('/health', { timeoutMs: 300, intervalMs: 50 });
    try {
      await expect(wait.waitUntilReady({ baseUrl: server.url, signal })).rejects.toMatchObject({
        code: 'HEALTH_TIMEOUT',
        message: expect.stringContaining('HTTP 503'),
      });
    } finally {
      server.close();
    }
  });

  it('stops waiting with the signal reason when the server dies', async () => {
    const controller = new AbortController();
    const wait = Wait.forHttp('/health', { timeoutMs: 10_000, intervalMs: 50 });
    const waiting = wait.waitUntilReady({
      baseUrl: 'http://127.0.0.1:9',
      signal: controller.signal,
    });
    controller.abort(new Error('server exited'));
    await expect(waiting).rejects.toThrow('server exited');
  });
});
