/**
 * Retry policy: exponential backoff with full jitter, `Retry-After` honoured, bounded by a number
 * of attempts and by a total deadline. Pure pieces are exported for tests; `runWithRetry` is the
 * loop. What counts as retryable is decided by the caller (the transport) per attempt.
 */

/** Retry settings. */
export interface RetryOptions {
  /** Attempts in total, the first included. @default 5 */
  maxAttempts: number;
  /** Cap of the backoff before jitter for the first retry. @default 250 */
  baseDelayMs: number;
  /** Upper bound of a backoff wait (a server's `Retry-After` is bounded by the deadline only). @default 10000 */
  maxDelayMs: number;
  /** Give up once this much time has passed since the first attempt. @default 60000 */
  totalDeadlineMs: number;
}

/** Defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  totalDeadlineMs: 60_000,
};

/** Statuses worth another try: request timeout, rate limit, and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/**
 * Full jitter (AWS architecture blog): a uniform wait in [0, min(max, base * 2^(retry-1))].
 * `retry` is 1 for the first retry.
 */
export function backoffDelayMs(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined if absent/invalid. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** What an attempt's failure means for the loop. */
export interface RetryDecision {
  retry: boolean;
  /** Server-requested wait (from `Retry-After`), used instead of the jittered backoff. */
  retryAfterMs?: number | undefined;
}

/** Hooks of {@link runWithRetry}; clock and sleep are injectable for tests. */
export interface RetryLoop {
  options: RetryOptions;
  classify: (err: unknown) => RetryDecision;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Thrown by {@link runWithRetry} when it stops; carries the last error and the attempt count. */
export class RetryExhausted extends Error {
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    readonly reason: 'not-retryable' | 'max-attempts' | 'deadline',
  ) {
    super(`gave up after ${attempts} attempt(s): ${reason}`);
  }
}

/**
 * Runs `attempt(n)` (n from 1) until it resolves, the failure is not retryable, attempts run
 * out, or the next wait would cross the deadline.
 */
export async function runWithRetry<T>(
  attempt: (n: number, deadline: number) => Promise<T>,
  loop: RetryLoop,
): Promise<T> {
  const now = loop.now ?? Date.now;
  const sleep = loop.sleep ?? defaultSleep;
  const deadline = now() + loop.options.totalDeadlineMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n, deadline);
    } catch (err) {
      const decision = loop.classify(err);
      if (!decision.retry) throw new RetryExhausted(err, n, 'not-retryable');
      if (n >= loop.options.maxAttempts) throw new RetryExhausted(err, n, 'max-attempts');
      const jittered = backoffDelayMs(n, loop.options, loop.random);
      // Retry-After is the server's word: not capped by maxDelayMs, only by the deadline.
      const delayMs = decision.retryAfterMs ?? jittered;
      if (now() + delayMs >= deadline) throw new RetryExhausted(err, n, 'deadline');
      loop.onRetry?.({ attempt: n, delayMs, error: err });
      await sleep(delayMs);
    }
  }
}
