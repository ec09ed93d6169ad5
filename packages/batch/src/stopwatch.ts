/** Seconds the main thread spends waiting for or doing each stage of a batch run. */
export class Stopwatch {
  readonly totals = { read: 0, prepare: 0, inference: 0, write: 0 };
  timeSync<T>(stage: keyof Stopwatch['totals'], work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.totals[stage] += (performance.now() - start) / 1000;
    }
  }
  async time<T>(stage: keyof Stopwatch['totals'], work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.totals[stage] += (performance.now() - start) / 1000;
    }
  }
}
