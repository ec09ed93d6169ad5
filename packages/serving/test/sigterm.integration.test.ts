/**
 * Acceptance: `champion serve` drains on SIGTERM at 100 req/s.
 *
 * The real service (child process, real model from a real MLflow) takes ~100 single-record
 * /predict requests a second over keep-alive connections while /readyz is polled on fresh
 * connections. On SIGTERM: /readyz must fail first; during the drain delay no connection may be
 * refused and no request fail; after it the listener closes (new connections refused, which a
 * load balancer no longer sends by then); the process exits 0 within delay + grace, with every
 * answered prediction in the inference log.
 */
import { readdir, readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
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

const DRAIN_DELAY_MS = 2000;
const GRACE_MS = 4000;
const RATE_PER_SECOND = 100;
const WARM_UP_MS = 1500;
/** A request sent this close to the end of the delay may meet the closed listener. */
const EDGE_MS = 100;

interface Outcome {
  readonly id: string;
  readonly sentAt: number;
  readonly endAt: number;
  readonly status?: number;
  readonly error?: string;
}

let sent = 0;

/** One request on `agent`: its status, or the socket error's code (ECONNREFUSED...). */
function call(options: { url: string; agent: Agent; body?: string }): Promise<Outcome> {
  const sentAt = performance.now();
  const id = `drain-${++sent}`;
  return new Promise((resolve) => {
    const req = request(
      options.url,
      {
        agent: options.agent,
        method: options.body === undefined ? 'GET' : 'POST',
        headers: {
          'x-request-id': id,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ id, sentAt, endAt: performance.now(), status: res.statusCode ?? 0 }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ id, sentAt, endAt: performance.now(), error: e.code ?? e.message }),
        );
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ id, sentAt, endAt: performance.now(), error: e.code ?? e.message }),
    );
    req.end(options.body);
  });
}

/** Sends `RATE_PER_SECOND` requests a second (open loop: it does not wait for answers). */
function drive(options: { url: string; body: string; agent: Agent }): {
  stop: () => Promise<Outcome[]>;
} {
  const pending: Promise<Outcome>[] = [];
  const start = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - start) * RATE_PER_SECOND) / 1000);
    while (pending.length < due) pending.push(call(options));
  }, 5);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}

/** Polls `url` on fresh connections every 50 ms. */
function poll(url: string): { stop: () => Promise<Outcome[]> } {
  const results: Promise<Outcome>[] = [];
  const agent = new Agent({ keepAlive: false });
  const timer = setInterval(() => results.push(call({ url, agent })), 50);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(results);
    },
  };
}

/** How often each value occurs. */
function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const refused = (o: Outcome): boolean => o.error === 'ECONNREFUSED';
const failed = (o: Outcome): boolean => o.status !== 200;

describe('champion serve drains on SIGTERM at 100 req/s', () => {
  const name = uniqueName('drain');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: Child;
  let signalAt: number;
  let exitedAfterMs: number;
  let exitCode: number | string;
  let predictions: Outcome[];
  let probes: Outcome[];
  const phases: Record<string, number> = {};

  beforeAll(async () => {
    const t0 = performance.now();
    client = integrationClient();
    tmp = await tempDir('drain');
    // A real GBDT exported to ONNX, registered in the real MLflow (no search: seconds, not a minute).
    const dir = await writeFixtureModelDir({ dir: join(tmp.dir, 'model') });
    const experimentId = (await client.experiments.getOrCreate({ name })).experiment_id;
    await client.registry.models.getOrCreate({ name });
    const version = await registerDir({ client, name, experimentId, dir });
    await client.registry.aliases.set({ name, alias: 'champion' }, version);
    phases['modelMs'] = Math.round(performance.now() - t0);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    serve = await spawnServe({
      name,
      port,
      dir: tmp.dir,
      env: {
        CHAMPION_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
        CHAMPION_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      },
    });
    phases['startMs'] = Math.round(performance.now() - t0) - (phases['modelMs'] ?? 0);
    const example = (await (await fetch(`${url}/model/example`)).json()) as unknown[];
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const load = drive({ url: `${url}/predict`, body: JSON.stringify(example[0]), agent });
    const probe = poll(`${url}/readyz`);
    await new Promise((r) => setTimeout(r, WARM_UP_MS));
    signalAt = performance.now();
    serve.kill('SIGTERM');
    exitCode = await serve.exited;
    exitedAfterMs = performance.now() - signalAt;
    // Keep the load on a little past the exit: on an idle machine the process exits within
    // EDGE_MS of the delay's end, and the refusals after the delay must still be seen.
    await new Promise((r) => setTimeout(r, 3 * EDGE_MS));
    [predictions, probes] = await Promise.all([load.stop(), probe.stop()]);
    agent.destroy();
    // The service's warnings and errors (records dropped, requests cut...) say why a check failed.
    const problems = serve
      .output()
      .split('\n')
      .filter((l) => /"level":"(warn|error)"/.test(l));
    if (problems.length > 0) console.log(problems.join('\n'));
    const inDelay = predictions.filter(
      (o) => o.sentAt >= signalAt && o.endAt < signalAt + DRAIN_DELAY_MS,
    );
    const after = predictions.filter((o) => o.sentAt >= signalAt + DRAIN_DELAY_MS);
    const spanMs = (predictions.at(-1)?.sentAt ?? 0) - (predictions[0]?.sentAt ?? 0);
    const rate = (predictions.length * 1000) / Math.max(1, spanMs);
    console.log(
      JSON.stringify({
        drain: {
          requests: predictions.length,
          ratePerSecond: Math.round(rate),
          readyz503AfterMs: Math.round(
            (probes.find((o) => o.status === 503 && o.sentAt >= signalAt)?.endAt ?? NaN) - signalAt,
          ),
          duringDelay: {
            requests: inDelay.length,
            refused: inDelay.filter(refused).length,
            failed: inDelay.filter(failed).length,
          },
          afterDelay: {
            requests: after.length,
            refused: after.filter(refused).length,
            failed: after.filter(failed).length,
            errors: countBy(after.map((o) => o.error ?? String(o.status))),
          },
          firstRefusalAfterMs: Math.round(
            Math.min(...[...predictions, ...probes].filter(refused).map((o) => o.endAt)) - signalAt,
          ),
          exitCode,
          exitedAfterMs: Math.round(exitedAfterMs),
          phases,
        },
      }),
    );
  }, 180_000);
  afterAll(async () => {
    serve.kill();
    await client.close();
    await tmp.cleanup();
  });

  it('drove about 100 requests a second, all answered 200 before the signal', () => {
    const before = predictions.filter((o) => o.sentAt < signalAt);
    expect(before.length).toBeGreaterThan(((RATE_PER_SECOND * WARM_UP_MS) / 1000) * 0.8);
    expect(before.filter(failed)).toEqual([]);
  });

  it('fails /readyz at once, before any connection is refused', () => {
    const first503 = probes.find((o) => o.status === 503);
    expect(first503).toBeDefined();
    const firstRefusal = Math.min(
      ...[...predictions, ...probes].filter(refused).map((o) => o.endAt),
    );
    expect(first503?.endAt).toBeLessThan(firstRefusal);
    expect((first503?.endAt ?? Infinity) - signalAt).toBeLessThan(1000);
    // Readiness never recovers once it failed.
    const later = probes.filter((o) => o.sentAt > (first503?.sentAt ?? 0));
    expect(later.filter((o) => o.status === 200)).toEqual([]);
  });

  it('refuses no connection and fails no request during the drain delay', () => {
    const sentInDelay = predictions.filter(
      (o) => o.sentAt >= signalAt && o.sentAt < signalAt + DRAIN_DELAY_MS - EDGE_MS,
    );
    expect(sentInDelay.length).toBeGreaterThan(((RATE_PER_SECOND * DRAIN_DELAY_MS) / 1000) * 0.8);
    expect(sentInDelay.filter(failed)).toEqual([]);
    const failedInDelay = [...predictions, ...probes].filter(
      (o) => o.error !== undefined && o.endAt < signalAt + DRAIN_DELAY_MS,
    );
    expect(failedInDelay).toEqual([]);
  });

  it('stops accepting after the delay, and never answers with a server error', () => {
    const after = predictions.filter((o) => o.sentAt >= signalAt + DRAIN_DELAY_MS + EDGE_MS);
    expect(after.filter(refused).length).toBeGreaterThan(0);
    expect(predictions.filter((o) => o.status !== undefined && o.status !== 200)).toEqual([]);
  });

  it('exits with code 0 within the drain delay plus the grace period', () => {
    expect(exitCode).toBe(0);
    expect(exitedAfterMs).toBeGreaterThanOrEqual(DRAIN_DELAY_MS);
    expect(exitedAfterMs).toBeLessThan(DRAIN_DELAY_MS + GRACE_MS);
  });

  it('flushed every answered prediction to the inference log before exiting', async () => {
    const dir = join(tmp.dir, 'log');
    const logged = new Set<string>();
    for (const file of await readdir(dir))
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n'))
        if (line !== '') logged.add((JSON.parse(line) as { request_id: string }).request_id);
    const answered = predictions.filter((o) => o.status === 200);
    const missing = answered
      .filter((o) => !logged.has(o.id))
      .map((o) => ({
        id: o.id,
        sentMs: Math.round(o.sentAt - signalAt),
        endMs: Math.round(o.endAt - signalAt),
      }));
    expect(missing).toEqual([]);
    expect(logged.size).toBe(answered.length);
  });
});
