import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ServingApp } from '../app.js';
import type { Logger } from '../logger.js';
import { FakeHost } from '../test-support/fake-host.js';
import { RECORD, testConfig } from '../test-support/fixtures.js';

interface Line {
  readonly level: string;
  readonly message: string;
  readonly meta: Record<string, unknown>;
}

/** A logger that keeps every line. */
function memoryLogger(lines: Line[]): Logger {
  const at =
    (level: string) =>
    (message: string, meta: Record<string, unknown> = {}): void =>
      void lines.push({ level, message, meta });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let server: Server | undefined;
let served: ServingApp | undefined;
afterEach(async () => {
  served?.close();
  server?.closeAllConnections();
  if (server !== undefined) await new Promise((r) => server?.close(r));
  server = undefined;
});

async function listen(host: FakeHost, lines: Line[]): Promise<string> {
  served = createApp({ host, config: testConfig(), logger: memoryLogger(lines) });
  server = createServer(served.handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('access log', () => {
  it('logs a request the client abandoned before the answer, with aborted: true', async () => {
    const lines: Line[] = [];
    const host = new FakeHost();
    host.gate = new Promise<void>(() => undefined);
    const url = await listen(host, lines);
    const req = httpRequest(`${url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gone-1' },
    });
    req.on('error', () => undefined);
    const sentAt = Date.now();
    req.end(JSON.stringify(RECORD));
    await new Promise((r) => setTimeout(r, 150));
    req.destroy();
    await until(() => lines.some((l) => l.message === 'request aborted'));
    const line = lines.find((l) => l.message === 'request aborted');
    expect(line?.level).toBe('warn');
    expect(line?.meta).toMatchObject({
      requestId: 'gone-1',
      method: 'POST',
      path: '/predict',
      status: 499,
      aborted: true,
      responseStarted: false,
      bytesSent: 0,
    });
    expect(line?.meta['durationMs']).toBeGreaterThan(0);
    expect(line?.meta['durationMs']).toBeLessThanOrEqual(Date.now() - sentAt);
    // Structured: the meta survives JSON as it is (what winston's JSON format writes).
    expect(JSON.parse(JSON.stringify(line?.meta))).toEqual(line?.meta);
    const metrics = await (served as ServingApp).metrics.registry.metrics();
    expect(metrics).toMatch(/champion_http_requests_total\{[^}]*status="499"\} 1/);
  });

  it('logs a completed request once, with the bytes it sent', async () => {
    const lines: Line[] = [];
    const url = await listen(new FakeHost(), lines);
    const res = await fetch(`${url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(RECORD),
    });
    const body = await res.text();
    await until(() => lines.some((l) => l.message === 'request'));
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.filter((l) => l.message.startsWith('request'));
    expect(logged).toHaveLength(1);
    expect(logged[0]?.meta).toMatchObject({ status: 200, path: '/predict' });
    expect(logged[0]?.meta['aborted']).toBeUndefined();
    // Headers plus body: more than the body alone.
    expect(logged[0]?.meta['bytesSent']).toBeGreaterThan(Buffer.byteLength(body));
  });

  it('logs an upload the client abandoned midway as aborted, not as answered', async () => {
    const lines: Line[] = [];
    const url = await listen(new FakeHost(), lines);
    const req = httpRequest(`${url}/predict`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': '1000',
        'x-request-id': 'half-1',
      },
    });
    req.on('error', () => undefined);
    req.write('[{"age": 3');
    await new Promise((r) => setTimeout(r, 150));
    req.destroy();
    await until(() => lines.some((l) => l.meta['requestId'] === 'half-1'));
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.filter((l) => l.meta['requestId'] === 'half-1');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'warn', message: 'request aborted' });
    expect(logged[0]?.meta).toMatchObject({ path: '/predict', aborted: true });
  });
});
