/**
 * The probes of MLflow's scoring server (`mlflow models serve`), so MLflow's `ScoringServerClient`
 * and platforms built on its container contract (SageMaker: `GET /ping` + `POST /invocations`)
 * use champion unchanged. `/health` and `/invocations` live in health.ts and invocations.ts.
 * Both probes are open (no API key), like `/livez`: a load balancer has no key.
 */
import type { AppContext } from '../context.js';
import { SERVER_VERSION } from '../version.js';
import type { ApiRouter } from '../api-router.js';
import { json, type Operation } from '../openapi/operation.js';

const PING: Operation = () => ({
  summary:
    "MLflow scoring server's probe (mlflow models serve, SageMaker): 200 while a model is served; 503 before one is loaded and while draining. No API key.",
  responses: {
    '200': { description: 'Serving', content: json({ type: 'object' }) },
    '503': { description: 'Not serving (yet)', content: json({ type: 'object' }) },
  },
});
const VERSION: Operation = () => ({
  summary:
    "champion's version as plain text (where mlflow models serve answers MLflow's version). No API key.",
  responses: {
    '200': {
      description: 'Version',
      content: { 'text/plain': { schema: { type: 'string' } } },
    },
  },
});

export function scoringServerRoutes(context: AppContext, router: ApiRouter): void {
  const { host, state } = context;
  // MLflow answers 200 once its model is loaded (its server only listens after that). Ours listens
  // before the model lands and drains on shutdown, so /ping is readiness: 503 until a model is
  // served and while draining, which is what SageMaker-style health checks need.
  router.get('/ping', PING, (_req, res) => {
    if (state.shuttingDown) res.status(503).json({ status: 'draining' });
    else if (host.current() === undefined)
      res.status(503).json({ status: `model ${host.health().state}` });
    else res.json({ status: 'ok' });
  });
  // MLflow answers its own version here; champion answers champion's (a plain version string, as
  // MLflow's client reads it: `ScoringServerClient.get_version()` returns the body text).
  router.get('/version', VERSION, (_req, res) => {
    res.type('text/plain').send(SERVER_VERSION);
  });
}
