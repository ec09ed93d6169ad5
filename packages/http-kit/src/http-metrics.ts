/**
 * The HTTP metrics every champion service exports, in the service's own registry (several apps
 * can live in one process, as in tests). Route labels are route patterns, never raw paths, to keep
 * cardinality bounded.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type HttpLabel = 'method' | 'route' | 'status';

export class HttpMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<HttpLabel>;
  readonly httpDuration: Histogram<HttpLabel>;

  /**
   * `prefix` starts the metric names (`champion_` gives `champion_http_requests_total`);
   * `buckets` are the latency histogram's (prom-client's defaults without).
   */
  constructor(options: { prefix: string; buckets?: number[]; defaultMetrics?: boolean }) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: `${options.prefix}http_requests_total`,
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: `${options.prefix}http_request_duration_seconds`,
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      ...(options.buckets === undefined ? {} : { buckets: options.buckets }),
      registers,
    });
  }
}
