import type { FeatureBatch } from '../types.js';
import type { RawScores } from '../onnx-runner.js';
import { MicroBatcher } from './micro-batcher.js';

/** A batch of one numeric and one categorical column whose values identify the rows. */
function rowsFrom(values: readonly number[]): FeatureBatch {
  return { rows: values.length, columns: [Float32Array.from(values), values.map((v) => `c${v}`)] };
}

/** A fake model: probability = first column / 1000, label = 1 when the category ends in 7. */
function recordingRun(delayMs = 0): {
  run: (b: FeatureBatch) => Promise<RawScores>;
  seen: FeatureBatch[];
} {
  const seen: FeatureBatch[] = [];
  const run = async (batch: FeatureBatch): Promise<RawScores> => {
    seen.push(batch);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const numbers = batch.columns[0] as Float32Array;
    const texts = batch.columns[1] as readonly string[];
    return {
      probability: numbers.map((v) => v / 1000),
      label: BigInt64Array.from(texts, (t) => (t.endsWith('7') ? 1n : 0n)),
    };
  };
  return { run, seen };
}

describe('MicroBatcher', () => {
  it('coalesces concurrent requests into one run', async () => {
    const { run, seen } = recordingRun();
    const batcher = new MicroBatcher({ run });
    await Promise.all([
      batcher.score(rowsFrom([1, 2])),
      batcher.score(rowsFrom([3])),
      batcher.score(rowsFrom([4, 5, 6])),
    ]);
    expect(seen.map((b) => b.rows)).toEqual([6]);
    expect(seen[0]?.columns[0]).toEqual(Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect(seen[0]?.columns[1]).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  it('gives every caller the scores of its own rows', async () => {
    const { run } = recordingRun();
    const batcher = new MicroBatcher({ run });
    const [a, b] = await Promise.all([
      batcher.score(rowsFrom([10, 17])),
      batcher.score(rowsFrom([27, 30, 40])),
    ]);
    expect(Array.from(a.probability)).toEqual([10, 17].map((v) => Math.fround(v / 1000)));
    expect(Array.from(a.label)).toEqual([0n, 1n]);
    expect(Array.from(b.probability)).toEqual([27, 30, 40].map((v) => Math.fround(v / 1000)));
    expect(Array.from(b.label)).toEqual([1n, 0n, 0n]);
  });

  it('rejects every caller of a run that fails', async () => {
    const batcher = new MicroBatcher({ run: () => Promise.reject(new Error('boom')) });
    const results = await Promise.allSettled([
      batcher.score(rowsFrom([1])),
      batcher.score(rowsFrom([2])),
    ]);
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok')),
    ).toEqual(['boom', 'boom']);
  });

  it('scores a lone request without waiting for the batch window', async () => {
    const { run } = recordingRun();
    const batcher = new MicroBatcher({ run, maxWaitMs: 1000 });
    const started = performance.now();
    await batcher.score(rowsFrom([1]));
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('never puts more than maxBatchRows rows in one run', async () => {
    const { run, seen } = recordingRun();
    const batcher = new MicroBatcher({ run, maxBatchRows: 4 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.score(rowsFrom([i, i + 10]))));
    expect(Math.max(...seen.map((b) => b.rows))).toBeLessThanOrEqual(4);
    expect(seen.reduce((n, b) => n + b.rows, 0)).toBe(10);
  });

  it('scores a request larger than maxBatchRows in chunks and returns all its rows in order', async () => {
    const { run, seen } = recordingRun();
    const batcher = new MicroBatcher({ run, maxBatchRows: 3 });
    const values = [1, 2, 3, 4, 5, 6, 7];
    const scores = await batcher.score(rowsFrom(values));
    expect(seen.map((b) => b.rows)).toEqual([3, 3, 1]);
    expect(Array.from(scores.probability)).toEqual(values.map((v) => Math.fround(v / 1000)));
  });

  it('batches requests that arrive while the model is busy', async () => {
    const { run, seen } = recordingRun(30);
    const batcher = new MicroBatcher({ run, maxWaitMs: 1000 });
    const first = batcher.score(rowsFrom([1]));
    await new Promise((r) => setTimeout(r, 5));
    const later = [2, 3, 4].map((v) => batcher.score(rowsFrom([v])));
    await Promise.all([first, ...later]);
    expect(seen.map((b) => b.rows)).toEqual([1, 3]);
  });

  it('rejects a caller whose run returns fewer scores than rows', async () => {
    const batcher = new MicroBatcher({
      run: () => Promise.resolve({ probability: new Float32Array(1), label: new BigInt64Array(1) }),
    });
    await expect(batcher.score(rowsFrom([1, 2]))).rejects.toThrow(/1 scores for a batch of 2 rows/);
  });
});
