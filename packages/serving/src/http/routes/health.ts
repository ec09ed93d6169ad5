/** GET /livez, /readyz, /health (details) and /metrics. */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { AppContext } from '../context.js';
import type { ApiRouter } from '../api-router.js';
import { getJson, type Operation } from '../openapi/operation.js';

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

const METRICS: Operation = () => ({
  summary: 'Prometheus metrics',
  responses: {
    '200': {
      description: 'Prometheus text format',
      content: { 'text/plain': { schema: { type: 'string' } } },
    },
  },
});
const LIVEZ = getJson('Liveness: the process answers');
const READYZ = getJson('Readiness: 503 until a model is loaded and during shutdown');
const HEALTH = getJson('Model lifecycle, uptime, memory and event-loop delay');

export function healthRoutes(context: AppContext, router: ApiRouter): { stop(): void } {
  const { host, state, metrics } = context;
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();

  router.get('/livez', LIVEZ, (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', READYZ, (_req, res) => {
    const model = host.current();
    // Shutdown fails readiness first, while the server still serves (the drain delay).
    if (state.shuttingDown) res.status(503).json({ ready: false, reason: 'draining' });
    else if (model === undefined)
      res.status(503).json({ ready: false, reason: `model ${host.health().state}` });
    else res.json({ ready: true, model: { name: model.name, version: model.version } });
  });
  router.get('/health', HEALTH, (_req, res) => {
    const model = host.health();
    const ready = !state.shuttingDown && host.current() !== undefined;
    const memory = process.memoryUsage();
    res.status(ready ? 200 : 503).json({
      status: state.shuttingDown ? 'draining' : ready ? 'ok' : 'not ready',
      model,
      uptimeSeconds: Math.round((Date.now() - state.startedAt.getTime()) / 1000),
      memory: {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        externalBytes: memory.external,
      },
      eventLoopDelayMs: {
        mean: ms(loop.mean),
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
      },
    });
  });
  router.get('/metrics', METRICS, async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return { stop: () => loop.disable() };
}
