import { MlflowError } from '../errors.js';
import { DEFAULT_BATCH_LIMITS, planLogBatch } from './log-batch.js';
import type { LogBatchRequest } from './log-batch.js';

function manyMetrics(n: number) {
  return Array.from({ length: n }, (_, i) => ({ key: `m${i % 7}`, value: i / 3, step: i }));
}

function manyParams(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, `v${i}`]));
}

function withinLimits(req: LogBatchRequest): boolean {
  const total = req.metrics.length + req.params.length + req.tags.length;
  return (
    total <= 1000 &&
    req.params.length <= 100 &&
    req.tags.length <= 100 &&
    Buffer.byteLength(JSON.stringify(req)) <= 1_000_000
  );
}

describe('planLogBatch', () => {
  it('splits 5000 metrics, 250 params and 150 tags into requests within every MLflow limit', () => {
    const tags = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`t${i}`, 'x']));
    const plan = planLogBatch('r', { metrics: manyMetrics(5000), params: manyParams(250), tags });
    expect(plan.every(withinLimits)).toBe(true);
    expect(plan.flatMap((r) => r.metrics)).toHaveLength(5000);
    expect(new Set(plan.flatMap((r) => r.params.map((p) => p.key))).size).toBe(250);
    expect(plan.flatMap((r) => r.tags)).toHaveLength(150);
  });

  it('keeps every metric value, step and order across requests', () => {
    const metrics = manyMetrics(2500);
    const sent = planLogBatch('r', { metrics }, { now: 5 }).flatMap((r) => r.metrics);
    expect(sent).toEqual(metrics.map((m) => ({ ...m, timestamp: 5 })));
  });

  it('starts a new request before the body would exceed the byte limit', () => {
    const big = 'x'.repeat(5900);
    const params = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}`, big]));
    const tags = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`t${i}`, 'y'.repeat(7900)]),
    );
    const limits = { ...DEFAULT_BATCH_LIMITS, maxBytes: 400_000 };
    const plan = planLogBatch('r', { params, tags }, { limits });
    expect(plan.length).toBeGreaterThan(2);
    expect(plan.every((r) => Buffer.byteLength(JSON.stringify(r)) <= 400_000)).toBe(true);
  });

  it('sends a single request for a small batch', () => {
    expect(planLogBatch('r', { metrics: manyMetrics(10), params: { a: '1' } })).toHaveLength(1);
  });

  it('refuses NaN with an error naming the metric key', () => {
    const metrics = [
      { key: 'ok', value: 1 },
      { key: 'val_loss', value: NaN },
    ];
    expect(() => planLogBatch('r', { metrics })).toThrow(/metric 'val_loss'.*NaN/);
  });

  it('refuses Infinity', () => {
    expect(() => planLogBatch('r', { metrics: [{ key: 'auc', value: Infinity }] })).toThrow(
      /metric 'auc'.*Infinity/,
    );
  });

  it('refuses a param given twice with different values', () => {
    const params = [
      { key: 'lr', value: '0.1' },
      { key: 'lr', value: '0.2' },
    ];
    expect(() => planLogBatch('r', { params })).toThrow(/param 'lr'/);
  });

  it('sends a param repeated with the same value once', () => {
    const params = [
      { key: 'lr', value: '0.1' },
      { key: 'lr', value: '0.1' },
    ];
    expect(planLogBatch('r', { params })[0]?.params).toEqual([{ key: 'lr', value: '0.1' }]);
  });

  it('refuses a param value over the 6000-character server limit', () => {
    expect(() => planLogBatch('r', { params: { long: 'a'.repeat(6001) } })).toThrow(/6000/);
  });

  it('refuses keys with characters MLflow rejects', () => {
    expect(() => planLogBatch('r', { params: { 'a*b': '1' } })).toThrow(MlflowError);
  });

  it('refuses keys that change when read as a path', () => {
    expect(() => planLogBatch('r', { metrics: [{ key: 'a/../b', value: 1 }] })).toThrow(/path/);
  });

  it('accepts keys with slashes, colons, spaces and non-ASCII letters', () => {
    const params = { 'train/lr': '1', 'a:b c': '2', größe: '3' };
    expect(planLogBatch('r', { params })[0]?.params).toHaveLength(3);
  });

  it('validates everything before planning any request', () => {
    const metrics = [...manyMetrics(3000), { key: 'bad', value: NaN }];
    expect(() => planLogBatch('r', { metrics })).toThrow(/bad/);
  });

  it('links a metric to its logged model and dataset with the field names MLflow 3 reads', () => {
    const metrics = [
      { key: 'roc_auc', value: 0.8, modelId: 'm-0a1b', dataset: { name: 'test', digest: 'ab12' } },
      { key: 'loss', value: 0.3 },
    ];
    expect(planLogBatch('r', { metrics }, { now: 9 })[0]?.metrics).toEqual([
      {
        key: 'roc_auc',
        value: 0.8,
        timestamp: 9,
        step: 0,
        model_id: 'm-0a1b',
        dataset_name: 'test',
        dataset_digest: 'ab12',
      },
      { key: 'loss', value: 0.3, timestamp: 9, step: 0 },
    ]);
  });

  it('refuses a model id that could climb out of a path, naming it', () => {
    const metrics = [{ key: 'auc', value: 1, modelId: '../m-1' }];
    expect(() => planLogBatch('r', { metrics })).toThrow(/logged model id "\.\.\/m-1"/);
  });

  it('refuses a dataset link without a digest', () => {
    const metrics = [{ key: 'auc', value: 1, dataset: { name: 'test', digest: '' } }];
    expect(() => planLogBatch('r', { metrics })).toThrow(/metric 'auc'.*dataset/);
  });
});
