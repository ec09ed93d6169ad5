/** Prometheus metrics of one control app, in a registry of its own. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobService } from '../jobs/job-service.js';

export class ControlMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(options: { jobs: JobService; defaultMetrics?: boolean }) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'champion_control_http_requests_total',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'champion_control_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    const { jobs } = options;
    new Gauge({
      name: 'champion_control_jobs',
      help: 'Jobs of this process running now and waiting in the queue.',
      labelNames: ['status'],
      registers,
      collect() {
        this.set({ status: 'running' }, jobs.runningCount);
        this.set({ status: 'queued' }, jobs.queuedCount);
      },
    });
  }
}
