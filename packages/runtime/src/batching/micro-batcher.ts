/**
 * Adaptive micro-batching (MLServer's idea): concurrent score() calls are coalesced into one
 * model run, flushed when the batch is full, when the oldest request has waited `maxWaitMs`, or at
 * once when the model is idle (so a lone request never pays the wait). Results are split back to
 * each caller; an error fails every caller of that run.
 */
import type { FeatureBatch } from '../types.js';
import type { RawScores } from '../onnx-runner.js';
import { concatBatches, concatScores, sliceBatch } from './concat.js';

export interface MicroBatcherOptions {
  /** Scores one (coalesced) batch. */
  readonly run: (batch: FeatureBatch) => Promise<RawScores>;
  /**
   * Most rows per run. A larger request is scored in chunks of this size, because a run blocks
   * the event loop for its whole duration (onnxruntime-node runs synchronously). @default 512
   */
  readonly maxBatchRows?: number;
  /** Longest a request waits for others while the model is busy. @default 2 */
  readonly maxWaitMs?: number;
}

interface Pending {
  readonly batch: FeatureBatch;
  readonly resolve: (scores: RawScores) => void;
  readonly reject: (error: unknown) => void;
}

/** Counters for metrics and tests. */
export interface MicroBatcherStats {
  readonly runs: number;
  readonly requests: number;
  readonly rows: number;
}

export class MicroBatcher {
  readonly #run: MicroBatcherOptions['run'];
  readonly #maxRows: number;
  readonly #maxWaitMs: number;
  #queue: Pending[] = [];
  #queuedRows = 0;
  #running = 0;
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;
  #idleWaiters: (() => void)[] = [];
  #stats = { runs: 0, requests: 0, rows: 0 };

  constructor(options: MicroBatcherOptions) {
    this.#run = options.run;
    this.#maxRows = options.maxBatchRows ?? 512;
    this.#maxWaitMs = options.maxWaitMs ?? 2;
  }

  /** Scores `batch`, possibly in one run with other callers' batches. */
  score(batch: FeatureBatch): Promise<RawScores> {
    if (batch.rows === 0) {
      return Promise.resolve({ probability: new Float32Array(0), label: new BigInt64Array(0) });
    }
    if (batch.rows > this.#maxRows) return this.#scoreInChunks(batch);
    return new Promise<RawScores>((resolve, reject) => {
      this.#queue.push({ batch, resolve, reject });
      this.#queuedRows += batch.rows;
      this.#stats.requests++;
      if (this.#queuedRows >= this.#maxRows) this.#flush();
      // setImmediate, not a synchronous flush: requests parsed in the same turn still coalesce.
      else if (this.#running === 0) this.#immediate ??= setImmediate(() => this.#flush());
      else this.#timer ??= setTimeout(() => this.#flush(), this.#maxWaitMs);
    });
  }

  async #scoreInChunks(batch: FeatureBatch): Promise<RawScores> {
    // One chunk at a time, so other requests (and I/O) get turns between the runs.
    const parts: RawScores[] = [];
    for (let start = 0; start < batch.rows; start += this.#maxRows) {
      const end = Math.min(batch.rows, start + this.#maxRows);
      parts.push(await this.score(sliceBatch(batch, { start, end })));
    }
    return concatScores(parts);
  }

  get stats(): MicroBatcherStats {
    return { ...this.#stats };
  }

  /** Requests queued or running. */
  get pending(): number {
    return this.#queue.length + this.#running;
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((done) => this.#idleWaiters.push(done));
  }

  #take(): Pending[] {
    const taken: Pending[] = [];
    let rows = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0];
      if (next === undefined || (taken.length > 0 && rows + next.batch.rows > this.#maxRows)) break;
      taken.push(next);
      rows += next.batch.rows;
      this.#queue.shift();
    }
    this.#queuedRows -= rows;
    return taken;
  }

  #flush(): void {
    clearTimeout(this.#timer);
    if (this.#immediate !== undefined) clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
    const taken = this.#take();
    if (taken.length === 0) return;
    this.#running++;
    void this.#execute(taken);
    if (this.#queuedRows >= this.#maxRows) this.#flush();
    else if (this.#queue.length > 0) this.#timer = setTimeout(() => this.#flush(), this.#maxWaitMs);
  }

  async #execute(taken: readonly Pending[]): Promise<void> {
    let combined: FeatureBatch | undefined;
    try {
      combined = concatBatches(taken.map((p) => p.batch));
      this.#stats.runs++;
      this.#stats.rows += combined.rows;
      const scores = await this.#run(combined);
      if (scores.probability.length !== combined.rows || scores.label.length !== combined.rows) {
        throw new Error(
          `the model returned ${scores.probability.length} scores for a batch of ${combined.rows} rows`,
        );
      }
      let offset = 0;
      for (const p of taken) {
        const end = offset + p.batch.rows;
        p.resolve({
          probability: scores.probability.subarray(offset, end),
          label: scores.label.subarray(offset, end),
        });
        offset = end;
      }
    } catch (error) {
      for (const p of taken) p.reject(error);
    } finally {
      this.#running--;
      // Whatever queued meanwhile has already waited for this run: flush it now.
      if (this.#queue.length > 0) this.#flush();
      else if (this.pending === 0) for (const done of this.#idleWaiters.splice(0)) done();
    }
  }
}
