/**
 * A small HTTP load generator for the serving bench: `concurrency` keep-alive connections each
 * sending one request after another for a fixed duration; throughput and latency percentiles.
 * node:http (not fetch) so the client costs little CPU beside the servers it measures.
 */
import { Agent, request } from 'node:http';

export interface LoadTarget {
  readonly url: string;
  readonly body: string;
  readonly contentType: string;
}

export interface LoadFigures {
  readonly requests: number;
  readonly errors: number;
  readonly throughput: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function once(options: { agent: Agent; target: LoadTarget; url: URL }): Promise<number> {
  const { agent, target, url } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': target.contentType,
          'content-length': Buffer.byteLength(target.body),
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs the load; requests answered other than 200 count as errors, not in the latencies. */
export async function measureLoad(options: {
  target: LoadTarget;
  concurrency: number;
  durationMs: number;
}): Promise<LoadFigures> {
  const { target, concurrency, durationMs } = options;
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const status = await once({ agent, target, url });
        if (status === 200) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    throughput: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
