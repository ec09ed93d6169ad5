import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MlflowClient } from '../client.js';
import { MlflowError, isAuthError } from '../errors.js';
import { Secret } from '../secret.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ server: Server; uri: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, uri: `http://127.0.0.1:${port}` };
}

async function closedPort(): Promise<string> {
  const { server, uri } = await serve(() => undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return uri;
}

const experiment = { experiment: { experiment_id: '7', name: 'e' } };
const fastRetry = { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 4, totalDeadlineMs: 5000 };

describe('transport against a local fault server', () => {
  let server: Server | undefined;
  let client: MlflowClient | undefined;

  afterEach(async () => {
    await client?.close();
    if (server !== undefined) await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    client = undefined;
  });

  it('retries two 503 answers transparently and returns the third answer', async () => {
    let calls = 0;
    const started = await serve((_req, res) => {
      calls++;
      if (calls <= 2) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(experiment));
    });
    server = started.server;
    client = new MlflowClient({ trackingUri: started.uri, retry: fastRetry });
    const got = await client.experiments.get('7');
    expect(got.experiment_id).toBe('7');
    expect(calls).toBe(3);
  });

  it('honours Retry-After before retrying a 429', async () => {
    const times: number[] = [];
    const started = await serve((_req, res) => {
      times.push(Date.now());
      if (times.length === 1) {
        res.writeHead(429, { 'retry-after': '1' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(experiment));
    });
    server = started.server;
    client = new MlflowClient({ trackingUri: started.uri, retry: fastRetry });
    await client.experiments.get('7');
    const [first = 0, second = 0] = times;
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it('reports a 401 with a text body as an auth error, not a JSON parse error', async () => {
    const started = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('You are not authenticated.');
    });
    server = started.server;
    client = new MlflowClient({ trackingUri: started.uri, retry: fastRetry });
    const err: unknown = await client.experiments.get('7').catch((e: unknown) => e);
    expect(isAuthError(err)).toBe(true);
    expect((err as MlflowError).code).toBe('UNAUTHENTICATED');
    expect((err as MlflowError).message).toContain('/api/2.0/mlflow/experiments/get');
    expect((err as MlflowError).message).not.toMatch(/JSON/);
  });

  it('sends Basic credentials taken from the environment', async () => {
    let seen: string | undefined;
    const started = await serve((req, res) => {
      seen = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(experiment));
    });
    server = started.server;
    client = MlflowClient.fromEnv({
      MLFLOW_TRACKING_URI: started.uri,
      MLFLOW_TRACKING_USERNAME: 'u',
      MLFLOW_TRACKING_PASSWORD: 'p',
    });
    await client.experiments.get('7');
    expect(seen).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('never logs the credentials', async () => {
    const lines: string[] = [];
    const log = (message: string, meta?: Record<string, unknown>) => {
      lines.push(`${message} ${JSON.stringify(meta)}`);
    };
    let calls = 0;
    const started = await serve((_req, res) => {
      if (++calls === 1) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(experiment));
    });
    server = started.server;
    client = new MlflowClient({
      trackingUri: started.uri,
      auth: { type: 'bearer', token: new Secret('tok-s3cret') },
      retry: fastRetry,
      logger: { debug: log, info: log, warn: log, error: log },
    });
    await client.experiments.get('7');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('\n')).not.toContain('tok-s3cret');
  });

  it('rejects a body that does not match the schema with BAD_RESPONSE naming the endpoint', async () => {
    const started = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"experiment": {"name": 3}}');
    });
    server = started.server;
    client = new MlflowClient({ trackingUri: started.uri, retry: fastRetry });
    await expect(client.experiments.get('7')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      message: expect.stringContaining('experiments/get') as string,
    });
  });

  it('does not resend a run create after the server answered 500 (could duplicate the run)', async () => {
    let calls = 0;
    const started = await serve((_req, res) => {
      calls++;
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: 'db hiccup' }));
    });
    server = started.server;
    client = new MlflowClient({ trackingUri: started.uri, retry: fastRetry });
    await expect(client.runs.create({ experimentId: '1' })).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
    });
    expect(calls).toBe(1);
  });

  it('fails against a closed port within the retry deadline, naming the URI', async () => {
    const uri = await closedPort();
    client = new MlflowClient({
      trackingUri: uri,
      connectTimeoutMs: 500,
      retry: { ...fastRetry, maxAttempts: 100, totalDeadlineMs: 1500 },
    });
    const started = Date.now();
    const err: unknown = await client.experiments.get('7').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(err).toBeInstanceOf(MlflowError);
    expect((err as MlflowError).code).toBe('UNAVAILABLE');
    expect((err as MlflowError).message).toContain(uri);
    expect((err as MlflowError).attempts).toBeGreaterThan(1);
  });

  it('times out a request the server never answers, within the configured timeout', async () => {
    const started = await serve(() => undefined);
    server = started.server;
    client = new MlflowClient({
      trackingUri: started.uri,
      timeoutMs: 300,
      retry: { ...fastRetry, maxAttempts: 2 },
    });
    const t0 = Date.now();
    await expect(client.experiments.get('7')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(3000);
    started.server.closeAllConnections();
  });
});
