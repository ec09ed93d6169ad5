import { RetryExhausted, backoffDelayMs, parseRetryAfter, runWithRetry } from './retry.js';

const options = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, totalDeadlineMs: 10_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling each retry (full jitter at random=1)', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, options, top))).toEqual([99, 199, 399, 799]);
  });

  it('never exceeds maxDelayMs', () => {
    expect(backoffDelayMs(20, options, () => 0.999999)).toBeLessThan(1000);
  });

  it('can be zero (full jitter draws from 0)', () => {
    expect(backoffDelayMs(3, options, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', now)).toBe(5000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.now())).toBe(0);
  });

  it('ignores garbage', () => {
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

function fakeClock() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: (ms: number) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

describe('runWithRetry', () => {
  it('returns the first success after failures', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await runWithRetry(
      () => (++calls < 3 ? Promise.reject(new Error('503')) : Promise.resolve('ok')),
      { options, classify: () => ({ retry: true }), ...clock },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('waits what Retry-After says instead of the backoff', async () => {
    const clock = fakeClock();
    let calls = 0;
    await runWithRetry(() => (++calls < 2 ? Promise.reject(new Error('429')) : Promise.resolve()), {
      options,
      classify: () => ({ retry: true, retryAfterMs: 2500 }),
      ...clock,
    });
    expect(clock.waits).toEqual([2500]);
  });

  it('stops after maxAttempts', async () => {
    const clock = fakeClock();
    const run = runWithRetry(() => Promise.reject(new Error('x')), {
      options,
      classify: () => ({ retry: true }),
      ...clock,
    });
    await expect(run).rejects.toMatchObject({ attempts: 4, reason: 'max-attempts' });
  });

  it('stops before a wait that would cross the total deadline', async () => {
    const clock = fakeClock();
    const run = runWithRetry(() => Promise.reject(new Error('x')), {
      options: { ...options, totalDeadlineMs: 3000 },
      classify: () => ({ retry: true, retryAfterMs: 5000 }),
      ...clock,
    });
    await expect(run).rejects.toMatchObject({ attempts: 1, reason: 'deadline' });
  });

  it('does not retry what the classifier rejects', async () => {
    let calls = 0;
    const run = runWithRetry(
      () => {
        calls++;
        return Promise.reject(new Error('400'));
      },
      { options, classify: () => ({ retry: false }) },
    );
    await expect(run).rejects.toBeInstanceOf(RetryExhausted);
    expect(calls).toBe(1);
  });
});
