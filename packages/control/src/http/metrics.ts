/** Prometheus metrics of one control app, in a registry of its own: http-kit's and the job gauge. */
import { Gauge } from 'prom-client';
import { HttpMetrics } from '@champion/http-kit';
import type { JobService } from '../jobs/job-service.js';

export class ControlMetrics extends HttpMetrics {
  constructor(options: { jobs: JobService; defaultMetrics?: boolean }) {
    super({
      prefix: 'champion_control_',
      ...(options.defaultMetrics === undefined ? {} : { defaultMetrics: options.defaultMetrics }),
    });
    const { jobs } = options;
    new Gauge({
      name: 'champion_control_jobs',
      help: 'Jobs of this process running now and waiting in the queue.',
      labelNames: ['status'],
      registers: [this.registry],
      collect() {
        this.set({ status: 'running' }, jobs.runningCount);
        this.set({ status: 'queued' }, jobs.queuedCount);
      },
    });
  }
}
