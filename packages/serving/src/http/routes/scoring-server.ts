/**
 * The probes of MLflow's scoring server (`mlflow models serve`), so MLflow's `ScoringServerClient`
 * and platforms built on its container contract (SageMaker: `GET /ping` + `POST /invocations`)
 * use champion unchanged. `/health` and `/invocations` live in health.ts and invocations.ts.
 * Both probes are open (no API key), like `/livez`: a load balancer has no key.
 */
import type { Router } from 'express';
import type { AppContext } from '../context.js';
import { SERVER_VERSION } from '../version.js';

export function scoringServerRoutes(context: AppContext, router: Router): void {
  const { host, state } = context;
  // MLflow answers 200 once its model is loaded (its server only listens after that). Ours listens
  // before the model lands and drains on shutdown, so /ping is readiness: 503 until a model is
  // served and while draining, which is what SageMaker-style health checks need.
  router.get('/ping', (_req, res) => {
    if (state.shuttingDown) res.status(503).json({ status: 'draining' });
    else if (host.current() === undefined)
      res.status(503).json({ status: `model ${host.health().state}` });
    else res.json({ status: 'ok' });
  });
  // MLflow answers its own version here; champion answers champion's (a plain version string, as
  // MLflow's client reads it: `ScoringServerClient.get_version()` returns the body text).
  router.get('/version', (_req, res) => {
    res.type('text/plain').send(SERVER_VERSION);
  });
}
