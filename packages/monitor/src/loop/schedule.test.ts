import { runEvery } from './schedule.js';

describe('runEvery', () => {
  it('runs turns at the interval until the signal fires, and stops waiting at once', async () => {
    const abort = new AbortController();
    const started: number[] = [];
    const t0 = Date.now();
    const turns = await runEvery({
      everyMs: 40,
      signal: abort.signal,
      onError: () => undefined,
      turn: () => {
        started.push(Date.now() - t0);
        if (started.length === 3) setTimeout(() => abort.abort('SIGINT'), 5);
        return Promise.resolve();
      },
    });
    expect(turns).toBe(3);
    expect(started[1]).toBeGreaterThanOrEqual(35);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('reports a failed turn and keeps going', async () => {
    const abort = new AbortController();
    const errors: unknown[] = [];
    let n = 0;
    await runEvery({
      everyMs: 1,
      signal: abort.signal,
      onError: (e) => errors.push(e),
      turn: () => {
        n++;
        if (n === 2) abort.abort();
        return n === 1 ? Promise.reject(new Error('mlflow down')) : Promise.resolve();
      },
    });
    expect(n).toBe(2);
    expect(errors).toEqual([new Error('mlflow down')]);
  });
});
