/**
 * The shutdown sequence on a real listening server (a FakeHost model): readiness fails first,
 * the server keeps serving through the drain delay, then refuses, and in-flight work finishes.
 */
import { request as httpRequest, Agent } from 'node:http';
import { FakeHost } from './http/test-support/fake-host.js';
import { RECORD, testConfig } from './http/test-support/fixtures.js';
import { startServer, type RunningServer } from './server.js';

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
});

async function start(options: {
  drainDelayMs: number;
  graceMs?: number;
  host?: FakeHost;
}): Promise<{ server: RunningServer; host: FakeHost }> {
  const host = options.host ?? new FakeHost();
  running = await startServer({
    config: testConfig({
      port: 0,
      drainDelayMs: options.drainDelayMs,
      shutdownGraceMs: options.graceMs ?? 5000,
    }),
    host,
  });
  return { server: running, host };
}

/** One request on `agent`; resolves with status, Connection header and body, or the error code. */
function call(options: {
  url: string;
  agent: Agent;
  method?: string;
  body?: unknown;
}): Promise<{ status: number; connection: string | undefined } | { error: string }> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      options.url,
      {
        agent: options.agent,
        method: options.method ?? 'GET',
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? 'error' }));
    req.end(payload);
  });
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('shutdown sequence', () => {
  it('fails readiness at once and keeps serving with keep-alive during the drain delay', async () => {
    const { server } = await start({ drainDelayMs: 600 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await call({ url: `${server.url}/readyz`, agent })).toMatchObject({ status: 200 });
    const stopping = server.shutdown();
    expect(await call({ url: `${server.url}/readyz`, agent })).toMatchObject({ status: 503 });
    const health = await fetch(`${server.url}/health`);
    expect(((await health.json()) as { status: string }).status).toBe('draining');
    // Same socket (keep-alive) and a new one: both still served normally.
    const reused = await call({
      url: `${server.url}/predict`,
      agent,
      method: 'POST',
      body: RECORD,
    });
    expect(reused).toEqual({ status: 200, connection: 'keep-alive' });
    const fresh = await call({
      url: `${server.url}/predict`,
      agent: new Agent(),
      method: 'POST',
      body: RECORD,
    });
    expect(fresh).toMatchObject({ status: 200 });
    await stopping;
    expect(await call({ url: `${server.url}/livez`, agent: new Agent() })).toEqual({
      error: 'ECONNREFUSED',
    });
    agent.destroy();
  });

  it('refuses new connections only once the drain delay is over', async () => {
    const { server } = await start({ drainDelayMs: 400 });
    const t0 = Date.now();
    const stopping = server.shutdown();
    await wait(250);
    expect(await call({ url: `${server.url}/livez`, agent: new Agent() })).toMatchObject({
      status: 200,
    });
    await stopping;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it('answers requests in flight when the listener closes with Connection: close', async () => {
    const { server, host } = await start({ drainDelayMs: 0 });
    let release: () => void = () => undefined;
    host.gate = new Promise<void>((resolve) => (release = resolve));
    const agent = new Agent({ keepAlive: true });
    const inFlight = call({ url: `${server.url}/predict`, agent, method: 'POST', body: RECORD });
    await wait(100);
    const stopping = server.shutdown();
    await wait(50);
    release();
    expect(await inFlight).toEqual({ status: 200, connection: 'close' });
    expect(await stopping).toMatchObject({ clean: true });
    agent.destroy();
  });

  it('skips the drain delay when no model was ever served', async () => {
    const host = new FakeHost();
    host.model = undefined;
    const { server } = await start({ drainDelayMs: 10_000, host });
    const t0 = Date.now();
    await server.shutdown();
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('ends the drain delay on a second signal but still finishes the request in flight', async () => {
    const { server, host } = await start({ drainDelayMs: 10_000 });
    let release: () => void = () => undefined;
    host.gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = call({
      url: `${server.url}/predict`,
      agent: new Agent(),
      method: 'POST',
      body: RECORD,
    });
    await wait(100);
    const t0 = Date.now();
    const stopping = server.signal('SIGTERM');
    await wait(50);
    void server.signal('SIGINT');
    await wait(100);
    // The listener is closed (the delay was cut short), the request is still being answered.
    expect(await call({ url: `${server.url}/livez`, agent: new Agent() })).toEqual({
      error: 'ECONNREFUSED',
    });
    release();
    expect(await inFlight).toMatchObject({ status: 200 });
    expect(await stopping).toEqual({ clean: true, cutRequests: 0, unfinished: [] });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('cuts the request in flight on a third signal and reports it', async () => {
    const { server, host } = await start({ drainDelayMs: 10_000, graceMs: 60_000 });
    host.gate = new Promise<void>(() => undefined);
    const inFlight = call({
      url: `${server.url}/predict`,
      agent: new Agent(),
      method: 'POST',
      body: RECORD,
    });
    await wait(100);
    const stopping = server.signal('SIGTERM');
    void server.signal('SIGTERM');
    await wait(50);
    void server.signal('SIGTERM');
    expect(await stopping).toEqual({ clean: false, cutRequests: 1, unfinished: [] });
    expect(await inFlight).toEqual({ error: 'ECONNRESET' });
  });
});
