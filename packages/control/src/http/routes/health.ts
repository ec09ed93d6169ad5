/** GET /livez, /readyz, /metrics. */
import type { ApiRouter } from '../api-router.js';
import type { ControlMetrics } from '../metrics.js';

export function healthRoutes(options: {
  router: ApiRouter;
  metrics: ControlMetrics;
  state: { shuttingDown: boolean };
}): void {
  const { router, metrics, state } = options;
  router.add(
    {
      method: 'get',
      path: '/livez',
      operation: { summary: 'Liveness', responses: { '200': { description: 'OK' } } },
    },
    (_req, res) => {
      res.json({ status: 'ok' });
    },
  );
  router.add(
    {
      method: 'get',
      path: '/readyz',
      operation: {
        summary: 'Readiness: 503 while shutting down',
        responses: { '200': { description: 'OK' }, '503': { description: 'Draining' } },
      },
    },
    (_req, res) => {
      if (state.shuttingDown) res.status(503).json({ ready: false, reason: 'draining' });
      else res.json({ ready: true });
    },
  );
  router.add(
    {
      method: 'get',
      path: '/metrics',
      operation: {
        summary: 'Prometheus metrics',
        responses: { '200': { description: 'Prometheus text format' } },
      },
    },
    async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
