/**
 * Records answered but not yet handed to the inference store. Scoring appends its records just
 * after the response is sent (building them is the costly part of logging), so a client that
 * reads its answer and at once sends the labels (`POST /feedback`) could otherwise reach the
 * store before its records do and hear "unknown request id". Scoring announces its records before
 * it answers; /feedback waits until every announced append has happened.
 */
export class PendingAppends {
  #count = 0;
  #waiters: (() => void)[] = [];

  /**
   * Announces one append; call the returned function once it happened. An announcement nobody
   * ends (a response that failed after scoring) ends by itself after `expireMs`, so it cannot
   * make every later /feedback wait.
   */
  begin(expireMs = 5000): () => void {
    this.#count++;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      this.#count--;
      if (this.#count > 0) return;
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake();
    };
    const timer = setTimeout(end, expireMs);
    timer.unref();
    return end;
  }

  /**
   * Resolves once no announced append is pending, or after `maxMs` (an append that never comes,
   * e.g. a response that failed after scoring, must not hold /feedback forever).
   */
  settled(maxMs: number): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      timer.unref();
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
