import { trainGbdt } from './index.js';
import type { GbdtLogger } from './index.js';
import { makeDataset, uniform } from './test-fixtures.js';

function recordingLogger(): GbdtLogger & {
  entries: { level: string; message: string; meta?: unknown }[];
} {
  const entries: { level: string; message: string; meta?: unknown }[] = [];
  const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    entries.push({ level, message, meta });
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
}

describe('trainGbdt with worker threads', () => {
  it('builds histograms on two threads and yields the single-threaded model', () => {
    const data = makeDataset({
      rows: 40000,
      seed: 21,
      columns: [
        uniform('a'),
        uniform('b'),
        uniform('c'),
        { spec: { name: 'k', kind: 'categorical' }, draw: (r) => r.int(8) },
        ...['d', 'e', 'f', 'g', 'h', 'i'].map(uniform),
      ],
      label: ([a, b, _c, k], rng) =>
        rng.next() < 0.2 + 0.3 * Number((a as number) * (b as number) > 0) + 0.05 * (k as number),
    });
    const params = {
      n_estimators: 8,
      bagging_fraction: 0.8,
      bagging_freq: 1,
      feature_fraction: 0.5,
    };
    const logger = recordingLogger();
    const parallel = trainGbdt(data, { params: { ...params, num_threads: 2 }, logger });
    const single = trainGbdt(data, { params: { ...params, num_threads: 1 } });
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ meta: expect.objectContaining({ threads: 2 }) }),
    );
    expect(parallel.trees).toEqual(single.trees);
  });
});
