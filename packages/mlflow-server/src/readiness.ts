import { setTimeout as sleep } from 'node:timers/promises';
import { MlflowServerError } from './errors.js';

/** What a readiness strategy probes: the server's base URL, and a signal fired if it dies. */
export interface ReadinessTarget {
  baseUrl: string;
  /** Aborted when the server process exits; strategies stop waiting then. */
  signal: AbortSignal;
}

/** Decides when a started server is ready (testcontainers-style `Wait.forHttp(...)`). */
export interface ReadinessStrategy {
  /** For messages, e.g. `GET /health answers 200`. */
  readonly description: string;
  /** Resolves when ready; rejects with HEALTH_TIMEOUT, or with the signal's reason. */
  waitUntilReady(target: ReadinessTarget): Promise<void>;
}

/** Options of {@link Wait.forHttp}. */
export interface HttpWaitOptions {
  /** @default 120000 (the first start on a new database runs all migrations) */
  timeoutMs?: number;
  /** @default 250 */
  intervalMs?: number;
  /** Per-request timeout. @default 5000 */
  requestTimeoutMs?: number;
}

function forHttp(path = '/health', options: HttpWaitOptions = {}): ReadinessStrategy {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return {
    description: `GET ${path} answers 2xx within ${timeoutMs} ms`,
    async waitUntilReady(target: ReadinessTarget): Promise<void> {
      const url = new URL(path, target.baseUrl);
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline) {
        target.signal.throwIfAborted();
        try {
          const perRequest = AbortSignal.timeout(options.requestTimeoutMs ?? 5000);
          const res = await fetch(url, { signal: AbortSignal.any([target.signal, perRequest]) });
          // Read the (tiny) body under the same signals rather than cancel it: a cancelled
          // body is not bound by the request timeout.
          await res.text();
          if (res.ok) return;
          last = `HTTP ${res.status}`;
        } catch (err) {
          target.signal.throwIfAborted();
          last = err instanceof Error ? err.message : String(err);
        }
        await sleep(options.intervalMs ?? 250, undefined, { signal: target.signal }).catch(() => {
          target.signal.throwIfAborted();
        });
      }
      throw new MlflowServerError(
        'HEALTH_TIMEOUT',
        `${url.href} did not answer OK within ${timeoutMs} ms (last: ${last}).`,
      );
    },
  };
}

/** Readiness strategies for {@link startMlflowServer}. */
export const Wait = { forHttp };
