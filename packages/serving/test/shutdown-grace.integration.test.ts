/**
 * `champion serve` with clients that never finish their upload: one gives up (its request must
 * reach the access log as a JSON line with `aborted: true`), one is still sending when SIGTERM
 * comes (after the grace period it is cut, the cut is logged naming the request, and the process
 * exits non-zero).
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { MlflowClient } from 'mlflow-js-client';
import {
  freePort,
  integrationClient,
  registerDir,
  uniqueName,
} from '@champion/trainer/test-support';
import { tempDir, writeFixtureModelDir } from '@champion/trainer/test-support';
import { spawnServe, type Child } from './serving-fixtures.js';

const GRACE_MS = 1500;

/** Sends the head of a POST /predict announcing `length` body bytes, and `sent` of them. */
async function partialUpload(options: {
  port: number;
  id: string;
  length: number;
  sent: number;
}): Promise<Socket> {
  const socket = connect(options.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    [
      'POST /predict HTTP/1.1',
      `Host: 127.0.0.1:${options.port}`,
      'Content-Type: application/json',
      `Content-Length: ${options.length}`,
      `X-Request-Id: ${options.id}`,
      '',
      '',
    ].join('\r\n') + '['.repeat(options.sent),
  );
  return socket;
}

/** The JSON log lines of `output` with the given message. */
function logLines(output: string, message: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l['message'] === message);
}

async function eventually<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`not found within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('champion serve with clients that never finish uploading', () => {
  const name = uniqueName('grace');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: Child;
  let port: number;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('grace');
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model') });
    const experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
    await client.registry.models.getOrCreate({ name });
    const version = await registerDir({ client, name, experimentId, dir });
    await client.registry.aliases.set({ name, alias: 'champion' }, version);
    port = await freePort();
    serve = await spawnServe({
      name,
      port,
      dir: tmp.dir,
      env: { CHAMPION_DRAIN_DELAY_MS: '0', CHAMPION_SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    });
  }, 180_000);
  afterAll(async () => {
    serve.kill();
    await client.close();
    await tmp.cleanup();
  });

  it('logs a request whose client went away mid-upload as aborted, in JSON', async () => {
    const socket = await partialUpload({ port, id: 'gave-up-1', length: 1000, sent: 10 });
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    const line = await eventually(
      () => logLines(serve.output(), 'request aborted').find((l) => l['requestId'] === 'gave-up-1'),
      5000,
    );
    console.log(JSON.stringify({ abortedLine: line }));
    // The body parser notices the missing bytes and the error is answered (400) into the closed
    // socket: logged as aborted with the status the server chose.
    expect(line).toMatchObject({
      level: 'warn',
      method: 'POST',
      path: '/predict',
      aborted: true,
    });
    expect([400, 499]).toContain(line['status']);
    expect(line['durationMs']).toBeGreaterThan(0);
  });

  it('cuts an upload still running when the grace period ends, names it, and exits 1', async () => {
    const socket = await partialUpload({ port, id: 'still-sending-1', length: 1000, sent: 10 });
    const closed = new Promise<number>((resolve) =>
      socket.once('close', () => resolve(Date.now())),
    );
    await new Promise((r) => setTimeout(r, 300));
    const signalAt = Date.now();
    serve.kill('SIGTERM');
    const code = await serve.exited;
    const exitedAfterMs = Date.now() - signalAt;
    const cutAfterMs = (await closed) - signalAt;
    console.log(JSON.stringify({ grace: { exitCode: code, exitedAfterMs, cutAfterMs } }));
    expect(code).toBe(1);
    expect(cutAfterMs).toBeLessThan(GRACE_MS + 500);
    expect(exitedAfterMs).toBeLessThan(GRACE_MS + 1000);
    const [cut] = logLines(serve.output(), 'shutdown: cutting requests still in flight');
    expect(cut).toMatchObject({
      level: 'error',
      cause: 'grace period over',
      count: 1,
      requests: [{ method: 'POST', path: '/predict', requestId: 'still-sending-1' }],
    });
    expect(logLines(serve.output(), 'stopped with work cut or unfinished')).toEqual([
      expect.objectContaining({ clean: false, cutRequests: 1 }),
    ]);
  });
});
