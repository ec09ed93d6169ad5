/**
 * Prometheus metrics of one app, in a registry of its own (several apps can live in one process,
 * as in tests). Route labels are route patterns, never raw paths, to keep cardinality bounded.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServedModel } from '@champion/runtime';
import { MonitoringGauges } from '../monitoring/gauges.js';

export class ServingMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly predictions: Counter<'label' | 'endpoint'>;
  readonly batchRows: Histogram<'endpoint'>;
  readonly unseenCategories: Counter<'feature'>;
  readonly modelInfo: Gauge<'name' | 'version' | 'alias'>;
  readonly modelLoadedAt: Gauge;
  /** The latest monitoring run's figures (monitoring/refresher.ts keeps them current). */
  readonly monitoring: MonitoringGauges;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'champion_http_requests_total',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'champion_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.predictions = new Counter({
      name: 'champion_predictions_total',
      help: 'Scored records by predicted class label and endpoint.',
      labelNames: ['label', 'endpoint'],
      registers,
    });
    this.batchRows = new Histogram({
      name: 'champion_request_rows',
      help: 'Records per scoring request.',
      labelNames: ['endpoint'],
      buckets: [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10000],
      registers,
    });
    this.unseenCategories = new Counter({
      name: 'champion_unseen_categories_total',
      help: 'Categorical values not seen in training, scored as missing, by feature.',
      // Feature names come from the served model's schema, never from the request: bounded.
      labelNames: ['feature'],
      registers,
    });
    this.modelInfo = new Gauge({
      name: 'champion_model_info',
      help: 'The model version serving now (value 1).',
      labelNames: ['name', 'version', 'alias'],
      registers,
    });
    this.modelLoadedAt = new Gauge({
      name: 'champion_model_loaded_timestamp_seconds',
      help: 'When the serving model version was loaded (Unix time).',
      registers,
    });
    this.monitoring = new MonitoringGauges(this.registry);
  }

  /** Points the model gauges at `model` (on start and on every swap). */
  setModel(model: ServedModel): void {
    this.modelInfo.reset();
    this.modelInfo.set({ name: model.name, version: model.version, alias: model.alias ?? '' }, 1);
    this.modelLoadedAt.set(model.loadedAt.getTime() / 1000);
  }
}
