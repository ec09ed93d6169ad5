/**
 * Prometheus metrics of one app, in a registry of its own (several apps can live in one process,
 * as in tests): http-kit's HTTP request metrics and the serving ones.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import { HttpMetrics } from '@champion/http-kit';
import type { ServedModel } from '@champion/runtime';
import { MonitoringGauges } from '../monitoring/gauges.js';

export class ServingMetrics extends HttpMetrics {
  readonly predictions: Counter<'label' | 'endpoint'>;
  readonly batchRows: Histogram<'endpoint'>;
  readonly unseenCategories: Counter<'feature'>;
  readonly modelInfo: Gauge<'name' | 'version' | 'alias'>;
  readonly modelLoadedAt: Gauge;
  /** The latest monitoring run's figures (monitoring/refresher.ts keeps them current). */
  readonly monitoring: MonitoringGauges;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    super({
      prefix: 'champion_',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      ...(options.defaultMetrics === undefined ? {} : { defaultMetrics: options.defaultMetrics }),
    });
    const registers = [this.registry];
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
