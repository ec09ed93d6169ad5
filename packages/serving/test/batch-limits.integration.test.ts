/**
 * Acceptance (issue 11, items 4 and 7): POST /predict/batch against `champion serve` in a child
 * process (so its RSS is the server's alone).
 * - A 90 MB single NDJSON line is refused with 413 within 2 s, the server's RSS stays under
 *   300 MB and /livez answers in under 100 ms meanwhile (the line reader refuses the line once
 *   CHAMPION_MAX_LINE_BYTES of it have arrived, scanning each byte once).
 * - A client that sends a 20 MB body before reading any of the answer (as python-requests does)
 *   gets the whole answer: the server buffers the answer while the body is still arriving
 *   instead of waiting for the client to read, which deadlocked both until the 60 s request
 *   timeout cut the connection.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { request } from 'node:http';
import type { MlflowClient } from 'mlflow-js-client';
import {
  freePort,
  integrationClient,
  trainChampion,
  uniqueName,
} from '@champion/trainer/test-support';
import { tempDir } from '@champion/trainer/test-support';
import { spawnChild, spawnServe, type Child } from './serving-fixtures.js';

const MB = 1_000_000;

/** The resident set of process `pid` in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Samples `sample()` every `everyMs` until `stop()`; returns the samples. */
function sampler(sample: () => Promise<number> | number, everyMs: number) {
  const values: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      values.push(await sample());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    values,
    stop: async () => {
      stopped = true;
      await loop;
      return values;
    },
  };
}

/** Runs a TypeScript file with Node and parses the JSON line it prints last. */
async function runNodeJson<T>(options: { script: string; args: readonly string[] }): Promise<T> {
  const child = spawnChild({
    command: process.execPath,
    args: ['--import', 'tsx', '--conditions=@champion/source', options.script, ...options.args],
  });
  const code = await child.exited;
  const last = child.output().trim().split('\n').pop() ?? '';
  if (code !== 0) throw new Error(`${options.script} exited ${code}: ${child.output()}`);
  return JSON.parse(last) as T;
}

async function livezMs(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/livez`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/livez answered ${res.status}`);
  return performance.now() - started;
}

/** POSTs `body`, reading nothing of the answer until the whole body has been sent. */
function sendThenRead(options: {
  url: string;
  body: Buffer;
  contentType: string;
}): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${options.url}/predict/batch`,
      {
        method: 'POST',
        headers: {
          'content-type': options.contentType,
          'content-length': String(options.body.length),
        },
      },
      (res) => {
        // No reader yet: the answer backs up into this client's socket, as with python-requests.
        res.pause();
        const read = (): void => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(parts).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
          res.resume();
        };
        if (req.writableFinished) read();
        else req.once('finish', read);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('/predict/batch with a 90 MB line and a send-then-read client', () => {
  const name = uniqueName('batch-limits');
  let client: MlflowClient;
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let serve: Child;
  let url: string;
  let record: Record<string, unknown>;

  beforeAll(async () => {
    client = integrationClient();
    tmp = await tempDir('batch-limits');
    await trainChampion({ client, name, dir: tmp.dir });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    serve = await spawnServe({ name, port, dir: tmp.dir });
    record =
      ((await (await fetch(`${url}/model/example`)).json()) as Record<string, unknown>[])[0] ?? {};
  }, 240_000);
  afterAll(async () => {
    serve.kill();
    await client.close();
    await tmp.cleanup();
  });

  it('refuses a 90 MB line with 413 within 2 s, under 300 MB RSS, /livez under 100 ms', async () => {
    const pid = serve.process.pid ?? 0;
    await livezMs(url); // warm the probe's connection pool
    const before = rssMb(pid);
    const rss = sampler(() => rssMb(pid), 20);
    const livez = sampler(() => livezMs(url), 10);
    // Sent from its own process: this one only watches.
    const sent = await runNodeJson<{ status?: number; ms: number; text: string; error?: string }>({
      script: 'packages/serving/test/send-long-line.ts',
      args: [url, Object.keys(record)[0] ?? 'x', '90'],
    });
    // Keep watching a moment after the answer: the rest of the body may still be arriving.
    await new Promise((r) => setTimeout(r, 500));
    const rssValues = await rss.stop();
    const livezValues = await livez.stop();
    const peak = Math.max(...rssValues);
    const sorted = [...livezValues].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const slowest = sorted[sorted.length - 1] ?? NaN;
    console.log(
      `90 MB line: ${sent.status ?? sent.error} in ${sent.ms.toFixed(0)} ms; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB; /livez ${livezValues.length} probes, median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1)}`,
    );
    expect(sent.status).toBe(413);
    const error = (JSON.parse(sent.text) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('LINE_TOO_LONG');
    expect(error.message).toMatch(/Line 1 .*1048576 bytes.*CHAMPION_MAX_LINE_BYTES/);
    expect(sent.ms).toBeLessThan(2000);
    expect(peak).toBeLessThan(300);
    expect(livezValues.length).toBeGreaterThan(5);
    expect(median).toBeLessThan(100);
    // The bound is 100 ms; the margin is for a shared CI machine (before the fix: 1.6 s delays
    // on a 30 MB line, 70 s on 90 MB).
    expect(slowest).toBeLessThan(500);
  });

  it('answers every row of a 20 MB upload to a client that reads only after sending', async () => {
    // Short CSV rows: the answer (about 30 MB) is far more than the kernel's socket buffers hold.
    const cell = (v: unknown): string =>
      typeof v === 'number' ? String(Math.round(v)) : typeof v === 'string' ? v : '';
    const names = Object.keys(record);
    const line = `${names.map((n) => cell(record[n])).join(',')}\n`;
    const rows = Math.ceil((20 * MB) / line.length);
    const body = Buffer.from(`${names.join(',')}\n${line.repeat(rows)}`);
    const answer = await sendThenRead({ url, body, contentType: 'text/csv' });
    const lines = answer.text.trim().split('\n');
    console.log(
      `send-then-read: ${(body.length / MB).toFixed(1)} MB, ${rows} rows → ${answer.status}, ${lines.length} answer lines, ${(answer.text.length / MB).toFixed(1)} MB, in ${answer.ms.toFixed(0)} ms`,
    );
    expect(answer.status).toBe(200);
    expect(lines).toHaveLength(rows);
    const last = JSON.parse(lines[rows - 1] ?? '{}') as { row?: number; probability?: number };
    expect(last.row).toBe(rows - 1);
    expect(typeof last.probability).toBe('number');
    expect((await fetch(`${url}/livez`)).status).toBe(200);
  });
});
